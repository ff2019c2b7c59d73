import { z } from 'zod';
import { keyKindNames } from '../../../keys/kinds.ts';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.jwks.publish',
  stage: 'jwks',
  summary: 'Publishes exactly these keys (e.g. one key only, or the current and next keys)',
  params: z.object({
    kinds: z
      .array(z.enum(keyKindNames))
      .default(['current'])
      .describe('Key kinds whose public keys the JWKS lists, in order (empty: an empty set)'),
  }),
  apply: async (_jwks, { kinds }, context) => ({
    keys: await Promise.all(kinds.map((kind) => context.publicJwk(kind))),
  }),
});
