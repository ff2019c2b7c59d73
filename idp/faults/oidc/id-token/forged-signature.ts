import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.forged-signature',
  stage: 'id-token',
  summary:
    'Sends the id_token with a signature made without a key: none at all (header.payload.), or ES256 with r = s = 0 (CVE-2022-21449)',
  params: z.object({
    mode: z
      .enum(['empty', 'ecdsa-zero'])
      .default('empty')
      .describe(
        'empty: the alg stays, the signature is empty; ecdsa-zero: alg ES256 under the EC key’s kid, signature r = s = 0',
      ),
  }),
  apply: async (token, { mode }, context) => {
    if (mode === 'empty') return { ...token, signing: { ...token.signing, signatureBytes: 'empty' } };
    const ec = await context.publicJwk('ec');
    return {
      ...token,
      signing: { ...token.signing, kind: 'ec', alg: 'ES256', kid: ec.kid, signatureBytes: 'ecdsa-zero' },
    };
  },
});
