import { z } from 'zod';
import { defineOidcFault } from '../../define.ts';

/**
 * Entra tokens name their tenant twice: iss is `<authority>/<tid>/v2.0`, and tid. A token
 * of another tenant changes both (`both`); `tid` or `iss` changes one, so that they
 * disagree, which a multi-tenant RP that checks iss only by its form lets through.
 */
export default defineOidcFault({
  name: 'oidc.id-token.tenant',
  stage: 'id-token',
  summary: 'Moves the id_token to another Entra tenant: tid and the tenant in iss, or only one of them',
  params: z.object({
    tenant: z
      .string()
      .regex(/^[^/]+$/)
      .default('f00dbabe-0000-4000-8000-00000000beef')
      .describe('The other tenant id'),
    change: z
      .enum(['both', 'tid', 'iss'])
      .default('both')
      .describe('both: a genuine token of that tenant; tid or iss: only that one names it'),
  }),
  apply: (token, { tenant, change }) => {
    const { iss, tid } = token.payload;
    const payload: Record<string, unknown> = { ...token.payload };
    if (change !== 'iss') payload.tid = tenant;
    if (change !== 'tid' && typeof iss === 'string' && typeof tid === 'string' && tid) {
      payload.iss = iss.split(`/${tid}/`).join(`/${tenant}/`);
    }
    return { ...token, payload };
  },
});
