import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.endpoint.expired-secret',
  stage: 'endpoint',
  summary:
    'Refuses the client at the token endpoint as the persona does when its secret has expired (Entra: AADSTS7000222)',
  params: z.object({
    keepTokens: z
      .boolean()
      .default(false)
      .describe(
        'Let the exchange happen and add the error (status and members) to the token answer; off: the error replaces it',
      ),
  }),
  apply: (value, { keepTokens }, context) => {
    if (value.route !== 'token') return value;
    const error = context.expiredSecretError(context.clientId ?? 'unknown-client');
    if (!keepTokens) return { ...value, answer: error };
    const body = typeof error.body === 'string' ? { error: 'invalid_client' } : error.body;
    return { ...value, amend: { status: error.status, body } };
  },
});
