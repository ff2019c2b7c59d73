import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.token-response.remove',
  stage: 'token-response',
  summary: 'Leaves fields out of the token response (id_token, token_type, expires_in, ...)',
  params: z.object({
    fields: z.array(z.string().min(1)).min(1).default(['id_token']).describe('Fields to leave out'),
  }),
  apply: (body, { fields }) => without(body, fields),
});
