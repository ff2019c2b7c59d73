import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.azp',
  stage: 'id-token',
  summary: 'Sets the id_token azp (authorized party) to another client, or leaves it out',
  params: z.object({
    azp: z
      .string()
      .nullable()
      .default('another-client')
      .describe('The authorized party to write; null leaves azp out'),
  }),
  apply: (token, { azp }) => {
    const { azp: _azp, ...payload } = token.payload;
    return { ...token, payload: azp === null ? payload : { ...payload, azp } };
  },
});
