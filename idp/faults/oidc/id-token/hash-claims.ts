import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.hash-claims',
  stage: 'id-token',
  summary: 'Makes at_hash / c_hash wrong (they no longer match the access token or code), or leaves them out',
  params: z.object({
    claims: z
      .array(z.enum(['at_hash', 'c_hash']))
      .min(1)
      .default(['at_hash'])
      .describe('Which hash claims'),
    mode: z
      .enum(['wrong', 'missing'])
      .default('wrong')
      .describe('wrong: a hash of something else; missing: left out'),
  }),
  apply: (token, { claims, mode }) => {
    const payload = { ...token.payload };
    for (const claim of claims) {
      if (mode === 'missing') delete payload[claim];
      else payload[claim] = 'AAAAAAAAAAAAAAAAAAAAAA';
    }
    return { ...token, payload };
  },
});
