import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { jsonObject } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.id-token.refresh-claims',
  stage: 'id-token',
  summary:
    'Changes claims of the id_token of a refresh_token grant only (another sub or iss than the login’s), and signs it again',
  params: z.object({
    set: jsonObject
      .default({ sub: 'another-subject-after-refresh' })
      .describe('Claims to set on the refreshed id_token (the login’s id_token is left alone)'),
  }),
  apply: (token, { set }, context) =>
    context.grantType === 'refresh_token' ? { ...token, payload: { ...token.payload, ...set } } : token,
});
