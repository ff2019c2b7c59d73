import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.hmac-secret',
  stage: 'id-token',
  summary:
    'Signs the id_token with HMAC keyed by the client secret (a client registered for RS256) or by an empty secret',
  params: z.object({
    secret: z
      .enum(['client-secret', 'empty'])
      .default('client-secret')
      .describe('client-secret: the key OIDC Core §10.1 gives HS*; empty: a zero-length key'),
    alg: z.enum(['HS256', 'HS384', 'HS512']).default('HS256').describe('The HMAC algorithm'),
  }),
  apply: (token, { secret, alg }) => ({
    ...token,
    signing: {
      ...token.signing,
      alg,
      kid: undefined,
      ...(secret === 'empty'
        ? { hmacSecret: 'literal' as const, hmacLiteral: '' }
        : { hmacSecret: 'client-secret' as const }),
    },
  }),
});
