import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.encrypt',
  stage: 'id-token',
  summary:
    "Sends the signed id_token encrypted as a JWE (nested JWT): to the client's key from its jwksUri, or to a key the client does not have",
  params: z.object({
    to: z
      .enum(['client', 'other'])
      .default('client')
      .describe(
        'client: the RSA key the client publishes at its jwksUri; other: a key the client cannot decrypt with',
      ),
    alg: z.enum(['RSA-OAEP-256', 'RSA-OAEP']).default('RSA-OAEP-256').describe('Key management'),
    enc: z
      .enum(['A256GCM', 'A128GCM', 'A128CBC-HS256', 'A256CBC-HS512'])
      .default('A256GCM')
      .describe('Content encryption'),
  }),
  apply: (token, encryption) => ({ ...token, encryption }),
});
