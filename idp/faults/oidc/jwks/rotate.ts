import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.jwks.rotate',
  stage: 'jwks',
  summary: 'Publishes the next key of a rotation: alone (the old key retired) or beside the current keys',
  params: z.object({
    keep: z
      .boolean()
      .default(false)
      .describe('Keep the current keys beside the next one (off: only the next key is published)'),
  }),
  apply: async (jwks, { keep }, context) => {
    const next = await context.publicJwk('next');
    return { keys: keep ? [...jwks.keys.filter((k) => k.kid !== next.kid), next] : [next] };
  },
});
