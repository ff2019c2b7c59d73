import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.logout-token.signature',
  stage: 'logout-token',
  summary:
    'Breaks the logout token signature: tampered, a rogue key, HS256 with the client secret, or alg "none"',
  params: z.object({
    mode: z
      .enum(['tampered', 'rogue-key', 'hs256', 'none'])
      .default('tampered')
      .describe(
        'tampered: a new jti after signing (what dodges a replay cache); rogue-key: signed by a key the IdP never published, under the current kid; hs256: HMAC with the client secret, an algorithm the client did not register; none: unsigned',
      ),
  }),
  apply: (token, { mode }) => {
    if (mode === 'none') return { ...token, signing: { ...token.signing, alg: 'none', kid: undefined } };
    if (mode === 'hs256') {
      return {
        ...token,
        signing: { ...token.signing, alg: 'HS256', kid: undefined, hmacSecret: 'client-secret' },
      };
    }
    if (mode === 'rogue-key') return { ...token, signing: { ...token.signing, kind: 'rogue' } };
    const payload = { ...token.payload, jti: `${String(token.payload.jti ?? '')}-again` };
    return { ...token, payload, signing: { ...token.signing, reuseSignature: true } };
  },
});
