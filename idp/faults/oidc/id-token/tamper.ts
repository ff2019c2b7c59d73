import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.tamper',
  stage: 'id-token',
  summary: 'Changes id_token claims after signing and keeps the original signature (a tampered token)',
  params: z.object({
    set: jsonObject
      .default({ groups: ['admins', 'global-admins'] })
      .describe('Claims to set in the signed payload'),
    remove: z.array(z.string()).default([]).describe('Claims to take out of the signed payload'),
  }),
  apply: (token, { set, remove }) => {
    const payload: Record<string, unknown> = { ...token.payload, ...set };
    for (const name of remove) delete payload[name];
    return { ...token, payload, signing: { ...token.signing, reuseSignature: true } };
  },
});
