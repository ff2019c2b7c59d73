import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { flowRoute } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.endpoint.error',
  stage: 'endpoint',
  summary: 'Answers an endpoint with an OAuth error (invalid_grant, server_error, invalid_token, ...)',
  params: z.object({
    route: flowRoute.default('token'),
    status: z.number().int().min(400).max(599).default(400).describe('HTTP status'),
    error: z.string().min(1).default('invalid_grant').describe('The error code'),
    description: z
      .string()
      .default('The authorization code is invalid or has expired.')
      .describe('error_description ("" leaves it out)'),
    keepResult: z
      .boolean()
      .default(false)
      .describe(
        'Let the endpoint do its work and send its normal JSON with the error status and members added (tokens or claims in an error answer); off: the error replaces the answer',
      ),
  }),
  apply: (value, { route, status, error, description, keepResult }) => {
    if (value.route !== route) return value;
    const body = { error, ...(description ? { error_description: description } : {}) };
    if (keepResult) return { ...value, amend: { status, body } };
    const headers: Record<string, string> =
      route === 'userinfo' ? { 'www-authenticate': `Bearer error="${error}"` } : {};
    return { ...value, answer: { status, body, headers } };
  },
});
