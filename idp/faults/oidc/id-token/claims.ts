import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject, without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.claims',
  stage: 'id-token',
  summary: 'Sets or removes any id_token claim, registered ones included, and signs it again',
  params: z.object({
    set: jsonObject
      .default({ amr: ['pwd'] })
      .describe('Claims to set, by name (default: amr says password only, no MFA)'),
    remove: z.array(z.string()).default([]).describe('Claims to leave out'),
  }),
  apply: (token, { set, remove }) => ({
    ...token,
    payload: without({ ...token.payload, ...set }, remove),
  }),
});
