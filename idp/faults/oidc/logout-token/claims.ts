import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject, nowSeconds, without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.logout-token.claims',
  stage: 'logout-token',
  summary:
    'Sets or removes logout token claims (events, nonce, aud, iss, sid, sub, iat, jti, exp) and signs it',
  params: z.object({
    set: jsonObject
      .default({ nonce: 'n-0S6_WzA2Mj' })
      .describe('Claims to set, by name (default: a nonce, which a logout token must not carry)'),
    remove: z.array(z.string()).default([]).describe('Claims to leave out'),
    expiredSeconds: z
      .number()
      .int()
      .min(0)
      .default(0)
      .describe('When above 0: iat and exp move into the past so that exp passed this many seconds ago'),
  }),
  apply: (token, { set, remove, expiredSeconds }) => {
    const times =
      expiredSeconds > 0
        ? { iat: nowSeconds() - expiredSeconds - 120, exp: nowSeconds() - expiredSeconds }
        : {};
    return { ...token, payload: without({ ...token.payload, ...times, ...set }, remove) };
  },
});
