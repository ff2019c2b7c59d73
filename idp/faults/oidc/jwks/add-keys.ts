import { z } from 'zod';
import { keyKindNames } from '../../../keys/kinds.ts';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.jwks.add-keys',
  stage: 'jwks',
  summary: 'Adds extra keys to the JWKS (keys that sign nothing)',
  params: z.object({
    kinds: z
      .array(z.enum(keyKindNames))
      .min(1)
      .default(['rogue'])
      .describe('Key kinds to add (a kind already listed is not added twice)'),
  }),
  apply: async (jwks, { kinds }, context) => {
    const added = await Promise.all(kinds.map((kind) => context.publicJwk(kind)));
    const listed = new Set(jwks.keys.map((k) => k.kid));
    return { keys: [...jwks.keys, ...added.filter((k) => !listed.has(k.kid))] };
  },
});
