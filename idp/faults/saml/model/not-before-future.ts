import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { idpNow, instantAt, mapAssertions, requireAssertions } from '../edit-model.ts';

/** The assertion becomes valid only some seconds after it was issued. */
export default defineSamlFault({
  name: 'saml.not-before-future',
  stage: 'model',
  summary: 'Sets the assertion Conditions NotBefore some seconds in the future',
  params: z.object({
    seconds: z
      .number()
      .int()
      .positive()
      .default(120)
      .describe('How many seconds after the IssueInstant the assertion becomes valid'),
  }),
  apply: (model, { seconds }) => {
    requireAssertions(model, 'saml.not-before-future');
    const start = idpNow(model) + seconds * 1000;
    return mapAssertions(model, (a) => {
      const end = a.conditions?.notOnOrAfter;
      return {
        ...a,
        conditions: {
          audiences: a.conditions?.audiences ?? [],
          notBefore: instantAt(start),
          // Keep the window non-empty: it ends at least 5 minutes after it starts.
          notOnOrAfter: end && Date.parse(end) > start + 300_000 ? end : instantAt(start + 300_000),
        },
      };
    });
  },
});
