import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { nowSeconds } from '../shared.ts';

/** When the user authenticated, moved: an IdP clock ahead writes an auth_time that has not happened yet. */
export default defineOidcFault({
  name: 'oidc.id-token.auth-time',
  stage: 'id-token',
  summary:
    'Sets the id_token auth_time some seconds from now (future: an authentication that has not happened yet)',
  params: z.object({
    offsetSeconds: z
      .number()
      .int()
      .default(600)
      .describe('Seconds from now: positive is in the future, negative in the past'),
  }),
  apply: (token, { offsetSeconds }) => ({
    ...token,
    payload: { ...token.payload, auth_time: nowSeconds() + offsetSeconds },
  }),
});
