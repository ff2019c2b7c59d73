import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { appliesTo, claimUse, jsonObject } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.claims.set',
  stage: 'claims',
  summary: 'Sets or changes user claims (email, email_verified, groups, tid, hd, oid, ...)',
  params: z.object({
    claims: jsonObject
      .default({ email_verified: false })
      .describe('Claims to set, by name; a value replaces the one the IdP would send'),
    use: claimUse,
  }),
  apply: (claims, { claims: changes, use }, context) =>
    appliesTo(use, context.use) ? { ...claims, ...changes } : claims,
});
