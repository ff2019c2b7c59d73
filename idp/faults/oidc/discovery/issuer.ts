import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.discovery.issuer',
  stage: 'discovery',
  summary: 'Names another issuer in the discovery document than the one it is served under',
  params: z.object({
    issuer: z
      .string()
      .min(1)
      .default('https://login.attacker.example/v2.0')
      .describe('The issuer the document names'),
  }),
  apply: (doc, { issuer }) => ({ ...doc, issuer }),
});
