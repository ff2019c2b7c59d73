import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { flowRoute, jsonObject } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.endpoint.answer',
  stage: 'endpoint',
  summary:
    'Answers an endpoint with any status and body instead of the provider (an HTML error page, a proxy error, ...)',
  params: z.object({
    route: flowRoute.default('token'),
    status: z.number().int().min(100).max(599).default(502).describe('HTTP status'),
    body: z
      .union([z.string(), jsonObject])
      .default('<html><body><h1>502 Bad Gateway</h1></body></html>')
      .describe('The body: text or HTML (a string), or JSON (an object)'),
  }),
  apply: (value, { route, status, body }) =>
    value.route === route ? { ...value, answer: { status, body } } : value,
});
