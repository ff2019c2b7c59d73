import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject, without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.header',
  stage: 'id-token',
  summary:
    'Sets or removes JOSE header members (typ, crit, cty, an unregistered alg, ...) and signs again with the same key',
  params: z.object({
    set: jsonObject
      .default({ typ: 'at+jwt' })
      .describe(
        'Header members to set; alg here only changes what the header says (the key and algorithm that sign stay); kid names the key',
      ),
    remove: z.array(z.string()).default([]).describe('Header members to leave out (not alg)'),
    signature: z
      .enum(['valid', 'empty'])
      .default('valid')
      .describe('valid: signed as usual; empty: no signature (for an alg the attacker has no key for)'),
  }),
  apply: (token, { set, remove, signature }) => {
    const { alg, kid, ...members } = set;
    return {
      ...token,
      header: without({ ...token.header, ...members }, remove),
      signing: {
        ...token.signing,
        ...(typeof alg === 'string' ? { headerAlg: alg } : {}),
        ...(typeof kid === 'string' ? { kid } : {}),
        ...(remove.includes('kid') ? { kid: undefined } : {}),
        ...(signature === 'empty' ? { signatureBytes: 'empty' as const } : {}),
      },
    };
  },
});
