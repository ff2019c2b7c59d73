import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.hmac-public-key',
  stage: 'id-token',
  summary:
    'Algorithm confusion: signs the id_token with HS256 keyed with the IdP’s public RSA key (PEM or JWK)',
  params: z.object({
    form: z
      .enum(['pem', 'jwk'])
      .default('pem')
      .describe('How the public key becomes the HMAC secret: its PEM text, or its JWK as JSON'),
    alg: z.enum(['HS256', 'HS384', 'HS512']).default('HS256').describe('The HMAC algorithm'),
  }),
  apply: (token, { form, alg }) => ({
    ...token,
    signing: {
      ...token.signing,
      kind: 'current',
      alg,
      hmacSecret: form === 'pem' ? 'public-key-pem' : 'public-key-jwk',
    },
  }),
});
