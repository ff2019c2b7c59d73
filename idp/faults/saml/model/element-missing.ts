import { z } from 'zod';
import type { AssertionModel } from '../../../saml/response/stages.ts';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

const elements = [
  'Status',
  'Assertion',
  'SubjectConfirmation',
  'Conditions',
  'AuthnStatement',
  'AttributeStatement',
] as const;

const fromAssertion: Record<
  Exclude<(typeof elements)[number], 'Status' | 'Assertion'>,
  (a: AssertionModel) => AssertionModel
> = {
  SubjectConfirmation: (a) => ({ ...a, subject: { ...a.subject, confirmations: [] } }),
  Conditions: (a) => ({ ...a, conditions: undefined }),
  AuthnStatement: (a) => ({ ...a, authnStatement: undefined }),
  AttributeStatement: (a) => ({ ...a, attributes: [] }),
};

/**
 * Leaves out one element a Web SSO response needs, the rest as a correct IdP writes it.
 * `Assertion` keeps the Success status: a success that asserts nothing.
 */
export default defineSamlFault({
  name: 'saml.element-missing',
  stage: 'model',
  summary:
    'Leaves one element out: the Status, every Assertion (Success stays), SubjectConfirmation, Conditions, AuthnStatement or AttributeStatement',
  params: z.object({
    element: z.enum(elements).default('Conditions').describe('The element to leave out'),
  }),
  apply: (model, { element }) => {
    if (element === 'Status') return { ...model, status: undefined };
    requireAssertions(model, `saml.element-missing (${element})`);
    if (element === 'Assertion') return { ...model, assertions: [] };
    return mapAssertions(model, fromAssertion[element]);
  },
});
