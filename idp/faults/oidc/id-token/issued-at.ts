import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { nowSeconds } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.issued-at',
  stage: 'id-token',
  summary: 'Moves the id_token iat into the future or far into the past (exp stays valid)',
  params: z.object({
    offsetSeconds: z
      .number()
      .int()
      .default(600)
      .describe('Seconds from now: positive is in the future, negative in the past (e.g. -86400: a day ago)'),
  }),
  apply: (token, { offsetSeconds }) => {
    const iat = nowSeconds() + offsetSeconds;
    const exp = typeof token.payload.exp === 'number' ? token.payload.exp : iat + 3600;
    // A future iat keeps exp after it, so that only iat is wrong.
    return { ...token, payload: { ...token.payload, iat, exp: Math.max(exp, iat + 3600) } };
  },
});
