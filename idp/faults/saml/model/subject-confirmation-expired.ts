import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { idpNow, instantAt, mapAssertions, requireAssertions } from '../edit-model.ts';

/** The bearer confirmation (SubjectConfirmationData NotOnOrAfter) ended before the response was sent. */
export default defineSamlFault({
  name: 'saml.subject-confirmation-expired',
  stage: 'model',
  summary: 'Sets SubjectConfirmationData NotOnOrAfter in the past (the bearer may no longer present it)',
  params: z.object({
    secondsAgo: z
      .number()
      .int()
      .positive()
      .default(300)
      .describe('How many seconds before the IssueInstant the confirmation ended'),
  }),
  apply: (model, { secondsAgo }) => {
    requireAssertions(model, 'saml.subject-confirmation-expired');
    const end = instantAt(idpNow(model) - secondsAgo * 1000);
    return mapAssertions(model, (a) => ({
      ...a,
      subject: {
        ...a.subject,
        confirmations: a.subject.confirmations.map((c) => ({ ...c, notOnOrAfter: end })),
      },
    }));
  },
});
