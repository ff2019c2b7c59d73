import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.nonce',
  stage: 'id-token',
  summary: 'Sets the id_token nonce to another value (a replayed token) or leaves it out',
  params: z.object({
    mode: z.enum(['wrong', 'missing']).default('wrong').describe('wrong: another nonce; missing: no nonce'),
    nonce: z.string().min(1).default('nonce-of-another-login').describe('The nonce to write (wrong)'),
  }),
  apply: (token, { mode, nonce }) => {
    const { nonce: _nonce, ...payload } = token.payload;
    return { ...token, payload: mode === 'missing' ? payload : { ...payload, nonce } };
  },
});
