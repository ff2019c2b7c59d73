import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.logout-token.signature',
  stage: 'logout-token',
  summary: 'Breaks the logout token signature: tampered after signing, a rogue key, or alg "none"',
  params: z.object({
    mode: z
      .enum(['tampered', 'rogue-key', 'none'])
      .default('tampered')
      .describe(
        'tampered: sid and sub changed after signing; rogue-key: signed by a key the IdP never published, under the current kid; none: unsigned',
      ),
  }),
  apply: (token, { mode }) => {
    if (mode === 'none') return { ...token, signing: { ...token.signing, alg: 'none', kid: undefined } };
    if (mode === 'rogue-key') return { ...token, signing: { ...token.signing, kind: 'rogue' } };
    const payload = { ...token.payload, sub: `${String(token.payload.sub ?? '')}-other` };
    return { ...token, payload, signing: { ...token.signing, reuseSignature: true } };
  },
});
