import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { nowSeconds } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.not-before',
  stage: 'id-token',
  summary: 'Adds an nbf in the future: the id_token is not valid yet',
  params: z.object({
    secondsAhead: z.number().int().default(600).describe('How far ahead nbf is, in seconds'),
  }),
  apply: (token, { secondsAhead }) => {
    const nbf = nowSeconds() + secondsAhead;
    const exp = typeof token.payload.exp === 'number' ? token.payload.exp : nbf + 3600;
    return { ...token, payload: { ...token.payload, nbf, exp: Math.max(exp, nbf + 3600) } };
  },
});
