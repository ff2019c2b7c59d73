import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.alg-none',
  stage: 'id-token',
  summary: 'Sends the id_token unsigned: alg "none" and an empty signature',
  params: z.object({
    keepKid: z
      .boolean()
      .default(false)
      .describe('Keep the kid header (off: no kid, as unsigned tokens usually are)'),
  }),
  apply: (token, { keepKid }) => ({
    ...token,
    signing: { ...token.signing, alg: 'none', kid: keepKid ? token.signing.kid : undefined },
  }),
});
