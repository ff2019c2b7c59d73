import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.jwks.remove-kid',
  stage: 'jwks',
  summary: 'Publishes the keys without their kid',
  params: z.object({}),
  apply: (jwks) => ({ keys: jwks.keys.map(({ kid: _kid, ...key }) => key) }),
});
