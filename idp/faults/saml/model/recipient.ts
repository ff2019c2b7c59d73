import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, requireAssertions } from '../edit-model.ts';

/** The bearer SubjectConfirmationData names another ACS URL, or none. */
export default defineSamlFault({
  name: 'saml.recipient',
  stage: 'model',
  summary: 'Sets the SubjectConfirmationData Recipient to another URL, or leaves it out',
  params: z.object({
    value: z.string().min(1).default('https://other-sp.invalid/saml/acs').describe('The Recipient to write'),
    remove: z.boolean().default(false).describe('Leave the Recipient attribute out instead'),
  }),
  apply: (model, { value, remove }) => {
    requireAssertions(model, 'saml.recipient');
    return mapAssertions(model, (a) => ({
      ...a,
      subject: {
        ...a.subject,
        confirmations: a.subject.confirmations.map((c) => ({ ...c, recipient: remove ? undefined : value })),
      },
    }));
  },
});
