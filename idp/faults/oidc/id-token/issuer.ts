import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.issuer',
  stage: 'id-token',
  summary: 'Sets the id_token iss to another issuer (or leaves it out)',
  params: z.object({
    iss: z
      .string()
      .nullable()
      .default('https://login.attacker.example/v2.0')
      .describe('The issuer to write; null leaves iss out'),
  }),
  apply: (token, { iss }) => {
    const { iss: _iss, ...payload } = token.payload;
    return { ...token, payload: iss === null ? payload : { ...payload, iss } };
  },
});
