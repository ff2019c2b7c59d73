import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions } from '../edit-model.ts';

/** Chosen IDs: a fixed or reused assertion ID, or one ID shared by the Response and the Assertion. */
export default defineSamlFault({
  name: 'saml.ids',
  stage: 'model',
  summary: 'Sets the Response and/or Assertion ID (fixed, reused, or the same for both)',
  params: z.object({
    responseId: z.string().min(1).optional().describe('Response ID to write; absent keeps it'),
    assertionId: z
      .string()
      .min(1)
      .default('_sso-harness-fixed-assertion-id')
      .describe('Assertion ID to write (a fixed value is reused by every login)'),
    sameAsResponse: z
      .boolean()
      .default(false)
      .describe('Give the Assertion the Response ID (an ambiguous signature reference)'),
  }),
  apply: (model, { responseId, assertionId, sameAsResponse }) => {
    const id = responseId ?? model.id;
    return mapAssertions({ ...model, id }, (a) => ({
      ...a,
      id: sameAsResponse ? id : assertionId,
    }));
  },
});
