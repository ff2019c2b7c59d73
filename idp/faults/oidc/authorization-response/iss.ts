import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.authorization-response.iss',
  stage: 'authorization-response',
  summary: 'Sends another iss in the authorization response (RFC 9207), or none',
  params: z.object({
    mode: z.enum(['wrong', 'missing']).default('wrong').describe('wrong: another issuer; missing: no iss'),
    iss: z
      .string()
      .min(1)
      .default('https://login.attacker.example/v2.0')
      .describe('The issuer to send (wrong)'),
  }),
  apply: (value, { mode, iss }) => ({
    ...value,
    params: mode === 'missing' ? without(value.params, ['iss']) : { ...value.params, iss },
  }),
});
