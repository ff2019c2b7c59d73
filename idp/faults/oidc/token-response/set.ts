import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.token-response.set',
  stage: 'token-response',
  summary: 'Sets or changes token response fields (token_type, expires_in, extra fields, another id_token)',
  params: z.object({
    fields: jsonObject
      .default({ extra_field: 'unexpected' })
      .describe('Fields to set; a value replaces the one the IdP would send'),
  }),
  apply: (body, { fields }) => ({ ...body, ...fields }),
});
