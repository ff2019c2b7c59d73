import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

/** A non-Success status, with or without the assertion a successful login would carry. */
export default defineSamlFault({
  name: 'saml.status',
  stage: 'model',
  summary: 'Answers with a non-Success StatusCode (and second-level code), with or without the assertion',
  params: z.object({
    code: z
      .enum(['Requester', 'Responder', 'VersionMismatch'])
      .default('Responder')
      .describe('Top-level StatusCode'),
    subCode: z
      .enum([
        'none',
        'AuthnFailed',
        'RequestDenied',
        'NoPassive',
        'UnknownPrincipal',
        'InvalidNameIDPolicy',
        'NoAuthnContext',
        'RequestUnsupported',
      ])
      .default('none')
      .describe('Second-level StatusCode'),
    message: z.string().optional().describe('StatusMessage text'),
    keepAssertion: z
      .boolean()
      .default(false)
      .describe(
        'Keep the assertion in the response (a contradiction an SP must not resolve in favour of login)',
      ),
  }),
  apply: (model, { code, subCode, message, keepAssertion }) => ({
    ...model,
    status: {
      code: `${STATUS}${code}`,
      subCode: subCode === 'none' ? undefined : `${STATUS}${subCode}`,
      message,
    },
    assertions: keepAssertion ? model.assertions : [],
  }),
});
