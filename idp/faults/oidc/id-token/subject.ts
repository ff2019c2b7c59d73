import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

export default defineOidcFault({
  name: 'oidc.id-token.subject',
  stage: 'id-token',
  summary: 'Sets the id_token sub to another subject (the other claims stay)',
  params: z.object({
    sub: z.string().min(1).default('another-subject').describe('The subject to write'),
  }),
  apply: (token, { sub }) => ({ ...token, payload: { ...token.payload, sub } }),
});
