import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions } from '../edit-model.ts';

/**
 * InResponseTo names a request the SP never sent, is left out of an answer to a real
 * request, or is added to an unsolicited (IdP-initiated) response.
 */
export default defineSamlFault({
  name: 'saml.in-response-to',
  stage: 'model',
  summary: 'Sets InResponseTo to a request ID the SP never sent, or leaves it out',
  params: z.object({
    value: z
      .string()
      .min(1)
      .default('_0f1e2d3c4b5a69788796a5b4c3d2e1f0deadbeef')
      .describe('The request ID to write'),
    remove: z.boolean().default(false).describe('Leave InResponseTo out instead'),
    where: z
      .enum(['both', 'response', 'subject-confirmation'])
      .default('both')
      .describe('The Response attribute, the SubjectConfirmationData attribute, or both'),
  }),
  apply: (model, { value, remove, where }) => {
    const id = remove ? undefined : value;
    const response = where === 'subject-confirmation' ? model : { ...model, inResponseTo: id };
    if (where === 'response') return response;
    return mapAssertions(response, (a) => ({
      ...a,
      subject: {
        ...a.subject,
        confirmations: a.subject.confirmations.map((c) => ({ ...c, inResponseTo: id })),
      },
    }));
  },
});
