import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { idpNow, instantAt, mapAssertions, requireAssertions } from '../edit-model.ts';

/** The assertion's validity window (Conditions NotOnOrAfter) ended before it was sent. */
export default defineSamlFault({
  name: 'saml.assertion-expired',
  stage: 'model',
  summary: 'Sets the assertion Conditions NotOnOrAfter in the past (an expired assertion)',
  params: z.object({
    secondsAgo: z
      .number()
      .int()
      .positive()
      .default(300)
      .describe('How many seconds before the IssueInstant the assertion stopped being valid'),
  }),
  apply: (model, { secondsAgo }) => {
    requireAssertions(model, 'saml.assertion-expired');
    const end = instantAt(idpNow(model) - secondsAgo * 1000);
    return mapAssertions(model, (a) => ({
      ...a,
      conditions: {
        audiences: a.conditions?.audiences ?? [],
        // NotBefore must stay before NotOnOrAfter, or the window is empty rather than past.
        notBefore: instantAt(Date.parse(end) - 300_000),
        notOnOrAfter: end,
      },
    }));
  },
});
