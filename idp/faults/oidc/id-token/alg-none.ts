import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.alg-none',
  stage: 'id-token',
  summary: 'Sends the id_token unsigned: alg "none" (or None, NONE, nOnE) and an empty signature',
  params: z.object({
    spelling: z
      .enum(['none', 'None', 'NONE', 'nOnE'])
      .default('none')
      .describe(
        'How the header writes it: libraries that compare case-insensitively take all of them as "none"',
      ),
    keepKid: z
      .boolean()
      .default(false)
      .describe('Keep the kid header (off: no kid, as unsigned tokens usually are)'),
  }),
  apply: (token, { keepKid, spelling }) => ({
    ...token,
    signing: {
      ...token.signing,
      alg: 'none',
      kid: keepKid ? token.signing.kid : undefined,
      ...(spelling === 'none' ? {} : { headerAlg: spelling }),
    },
  }),
});
