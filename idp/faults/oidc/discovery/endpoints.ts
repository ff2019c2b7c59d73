import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.discovery.endpoints',
  stage: 'discovery',
  summary: 'Changes endpoint URLs in the discovery document (token, userinfo, jwks_uri, ...)',
  params: z.object({
    endpoints: z
      .record(z.string(), z.string())
      .default({ jwks_uri: 'https://keys.attacker.example/jwks' })
      .describe('Metadata fields to set, e.g. { "token_endpoint": "https://..." }'),
  }),
  apply: (doc, { endpoints }) => ({ ...doc, ...endpoints }),
});
