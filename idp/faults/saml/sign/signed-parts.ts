import { z } from 'zod';
import { defineSamlFault } from '../../define.ts';

/** What carries a signature, whatever the SP asked for. */
export default defineSamlFault({
  name: 'saml.signed-parts',
  stage: 'sign',
  summary: 'Signs nothing, only the Assertion, only the Response, or both',
  params: z.object({
    targets: z
      .enum(['none', 'assertion', 'response', 'both'])
      .default('none')
      .describe('Which elements get a ds:Signature'),
  }),
  apply: (plan, { targets }) => ({ ...plan, targets }),
});
