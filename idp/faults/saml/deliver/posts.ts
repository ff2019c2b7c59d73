import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/**
 * Posts the same response several times from the browser (the HTTP-POST page re-submits
 * it). HTTP drivers post once; use a scenario's `replay` step to replay from a fresh session.
 */
export default defineSamlFault({
  name: 'saml.posts',
  stage: 'deliver',
  summary: 'Posts the same response several times (a replay from the same browser)',
  params: z.object({
    count: z.number().int().min(1).max(10).default(2).describe('How many times the browser posts it'),
  }),
  apply: (plan, { count }) => ({ ...plan, posts: count }),
});
