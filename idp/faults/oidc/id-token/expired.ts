import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { nowSeconds } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.expired',
  stage: 'id-token',
  summary: 'Sets the id_token exp in the past (iat stays: only the expiry is wrong)',
  params: z.object({
    secondsAgo: z
      .number()
      .int()
      .positive()
      .default(600)
      .describe('How long ago the token expired, in seconds'),
  }),
  apply: (token, { secondsAgo }) => ({
    ...token,
    payload: { ...token.payload, exp: nowSeconds() - secondsAgo },
  }),
});
