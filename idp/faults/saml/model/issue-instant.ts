import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';
import { mapAssertions, shifted } from '../edit-model.ts';

/** Only the IssueInstant moves: the validity windows stay as a correct IdP wrote them. */
export default defineSamlFault({
  name: 'saml.issue-instant',
  stage: 'model',
  summary: 'Moves the IssueInstant of the Response and/or Assertion (future or far past)',
  params: z.object({
    offsetSeconds: z
      .number()
      .int()
      .default(600)
      .describe('Seconds added to the IssueInstant: positive is in the future, negative in the past'),
    where: z.enum(['both', 'response', 'assertion']).default('both').describe('Which IssueInstant moves'),
  }),
  apply: (model, { offsetSeconds, where }) => {
    const response =
      where === 'assertion' ? model : { ...model, issueInstant: shifted(model.issueInstant, offsetSeconds) };
    if (where === 'response') return response;
    return mapAssertions(response, (a) => ({ ...a, issueInstant: shifted(a.issueInstant, offsetSeconds) }));
  },
});
