import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.kid-injection',
  stage: 'id-token',
  summary:
    'Puts an injection in the kid header (a file path, an SQL fragment) and signs HS256 with the secret that lookup would return',
  params: z.object({
    kid: z
      .string()
      .min(1)
      .default('../../../../../../../dev/null')
      .describe('The kid to write: a path traversal, an SQL fragment, a command'),
    secret: z
      .string()
      .default('')
      .describe('The HMAC secret the injected lookup yields (/dev/null reads as empty)'),
  }),
  apply: (token, { kid, secret }) => ({
    ...token,
    signing: { ...token.signing, alg: 'HS256', kid, hmacSecret: 'literal', hmacLiteral: secret },
  }),
});
