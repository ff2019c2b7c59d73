import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { flowRoute } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.endpoint.slow',
  stage: 'endpoint',
  summary: 'Makes an endpoint answer slowly (then normally)',
  params: z.object({
    route: flowRoute.default('token'),
    delayMs: z.number().int().min(1).max(120_000).default(3000).describe('Delay before the answer, in ms'),
  }),
  apply: (value, { route, delayMs }) => (value.route === route ? { ...value, delayMs } : value),
});
