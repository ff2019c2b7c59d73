import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.jwks.empty',
  stage: 'jwks',
  summary: 'Publishes an empty key set ({"keys":[]})',
  params: z.object({}),
  apply: () => ({ keys: [] }),
});
