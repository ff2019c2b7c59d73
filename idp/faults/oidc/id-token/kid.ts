import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.kid',
  stage: 'id-token',
  summary:
    'Leaves the kid out of the id_token header, or names a key that does not exist (the signature stays valid)',
  params: z.object({
    mode: z
      .enum(['absent', 'unknown'])
      .default('absent')
      .describe('absent: no kid; unknown: a kid no key has'),
    kid: z.string().min(1).default('unknown-key-id').describe('The kid to write (unknown)'),
  }),
  apply: (token, { mode, kid }) => ({
    ...token,
    signing: { ...token.signing, kid: mode === 'absent' ? undefined : kid },
  }),
});
