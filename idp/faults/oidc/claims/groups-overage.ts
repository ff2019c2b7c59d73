import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';
import { appliesTo, claimUse } from '../shared.ts';

export default defineOidcFault({
  name: 'oidc.claims.groups-overage',
  stage: 'claims',
  summary:
    'Replaces the groups claim with Entra’s overage form (_claim_names/_claim_sources pointing at Graph)',
  params: z.object({ use: claimUse }),
  apply: (claims, { use }, context) => {
    if (!appliesTo(use, context.use)) return claims;
    const { groups: _groups, ...rest } = claims;
    const user = typeof claims.oid === 'string' ? claims.oid : String(claims.sub);
    return {
      ...rest,
      _claim_names: { groups: 'src1' },
      _claim_sources: {
        src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${user}/getMemberObjects` },
      },
    };
  },
});
