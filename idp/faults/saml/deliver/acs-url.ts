import { z } from 'zod';
import type { SamlStageContext } from '../../../saml/response/stages.ts';
import { defineSamlFault } from '../../define.ts';

interface TargetConnection {
  provider: string;
  sp?: string | undefined;
}

/**
 * Posts the (otherwise correct) response somewhere else: to a given URL, or to the ACS
 * of another connection of the same target, as if a response meant for one connection
 * (one IdP) were replayed at another.
 */
export default defineSamlFault({
  name: 'saml.acs-url',
  stage: 'deliver',
  summary: "Posts the response to another URL, or to another connection's ACS",
  params: z
    .object({
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe('Where to post the response'),
      connection: z
        .string()
        .min(1)
        .optional()
        .describe(
          "A connection of the target whose ACS receives the response (its provider's registered ACS URL)",
        ),
    })
    .refine((p) => (p.url === undefined) !== (p.connection === undefined), {
      message: 'give either url or connection',
    }),
  apply: (plan, { url, connection }, context) => ({
    ...plan,
    url: url ?? connectionAcs(connection!, context),
  }),
});

function connectionAcs(name: string, context: SamlStageContext): string {
  const connections = (context.connections ?? {}) as Record<string, TargetConnection>;
  const target = connections[name];
  if (!target) {
    throw new Error(
      `no connection "${name}"; the target's connections: ${Object.keys(connections).join(', ') || '(none)'}`,
    );
  }
  if (!target.sp) throw new Error(`connection "${name}" is not a SAML connection (it names no sp)`);
  const acs = context.acsUrls?.(target.provider, target.sp)[0];
  if (!acs) {
    throw new Error(`provider "${target.provider}" has no ACS URL configured for its SP "${target.sp}"`);
  }
  return acs;
}
