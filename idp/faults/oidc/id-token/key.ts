import { z } from 'zod';
import { keyKindNames } from '../../../keys/kinds.ts';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.key',
  stage: 'id-token',
  summary: 'Signs the id_token with another key: rogue (unknown to the SP), next (after a rotation), ...',
  params: z.object({
    kind: z
      .enum(keyKindNames)
      .default('rogue')
      .describe(
        'The key kind that signs: rogue is a key the IdP never published; next is the key after a rotation',
      ),
    kid: z
      .enum(['keep', 'follow', 'absent'])
      .default('follow')
      .describe(
        "keep: the current key's kid (the signature then fails); follow: the signing key's own kid; absent: no kid",
      ),
  }),
  apply: async (token, { kind, kid }, context) => {
    const signingKid =
      kid === 'keep' ? token.signing.kid : kid === 'absent' ? undefined : (await context.publicJwk(kind)).kid;
    const alg = kind === 'ec' ? 'ES256' : token.signing.alg.startsWith('ES') ? 'RS256' : token.signing.alg;
    return { ...token, signing: { ...token.signing, kind, alg, kid: signingKid } };
  },
});
