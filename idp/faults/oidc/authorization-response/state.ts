import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.authorization-response.state',
  stage: 'authorization-response',
  summary: 'Sends another state back than the client sent (or none)',
  params: z.object({
    mode: z.enum(['wrong', 'missing']).default('wrong').describe('wrong: another state; missing: no state'),
    state: z.string().min(1).default('state-of-another-login').describe('The state to send (wrong)'),
  }),
  apply: (value, { mode, state }) => ({
    ...value,
    params: mode === 'missing' ? without(value.params, ['state']) : { ...value.params, state },
  }),
});
