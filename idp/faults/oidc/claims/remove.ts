import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { appliesTo, claimUse, without } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.claims.remove',
  stage: 'claims',
  summary: 'Leaves user claims out (email, hd, tid, groups, ...)',
  params: z.object({
    names: z.array(z.string().min(1)).min(1).default(['email']).describe('Claims to leave out'),
    use: claimUse,
  }),
  apply: (claims, { names, use }, context) =>
    appliesTo(use, context.use)
      ? without(
          claims,
          names.filter((n) => n !== 'sub'),
        )
      : claims,
});
