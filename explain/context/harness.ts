import type { JWK } from 'jose';
import type { Config, ConnectionConfig, PersonaName, TargetConfig } from '../../config/schema.ts';
import type { MountedProvider } from '../../idp/context.ts';
import type { KeyFactory } from '../../idp/keys/factory.ts';
import { publishedKinds } from '../../idp/oidc/keys.ts';
import { ExplainError } from '../errors.ts';
import { idpSettingsFromMetadata } from './metadata.ts';
import { emptyIdp, emptySp, type IdpSettings, type SenderHints, type SpSettings } from './settings.ts';

/** The parts of a harness (running, or built from a config without listening) explain reads. */
export interface HarnessView {
  config: Config;
  providers: Map<string, MountedProvider>;
  keys: KeyFactory;
  /** Targets besides the config's (saved from the UI). */
  targets?: Record<string, TargetConfig> | undefined;
}

/** The clock skew a target declares it allows (`targets.<name>.clockSkewSeconds`), if it is known. */
export function declaredClockSkew(view: HarnessView, targetName: string): number | undefined {
  const targets = { ...view.config.targets, ...view.targets };
  return Object.hasOwn(targets, targetName) ? targets[targetName]?.clockSkewSeconds : undefined;
}

/**
 * The SP's and the IdP's settings as the harness holds them for one connection of a
 * target: the SP's entityID, ACS URLs and certificates (or the OIDC client), and the
 * provider's entityID, certificates or keys. Without `connection`, the connection of the
 * protocol asked for whose provider issued the message (or whose client sent it, `hints`),
 * else the first of that protocol. Throws EXPLAIN_BAD_OPTION naming the known targets or connections.
 */
export async function settingsFromTarget(
  view: HarnessView,
  targetName: string,
  connectionName: string | undefined,
  protocol: 'saml' | 'oidc' | undefined,
  hints: SenderHints = { issuers: [], clientIds: [] },
): Promise<{ sp: SpSettings; idp: IdpSettings; connection: string; provider: string }> {
  const targets = { ...view.config.targets, ...view.targets };
  const target = targets[targetName];
  if (!target) {
    throw new ExplainError('EXPLAIN_BAD_OPTION', `unknown target "${targetName}"`, {
      hint: `Known targets: ${Object.keys(targets).join(', ') || '(none)'}.`,
    });
  }
  const entries = Object.entries(target.connections);
  const fits = ([, c]: [string, ConnectionConfig]) =>
    !protocol || view.providers.get(c.provider)?.protocol === protocol;
  const found = connectionName
    ? entries.find(([name]) => name === connectionName)
    : ((await senderOf(view, entries.filter(fits), hints)) ?? entries.find(fits));
  if (!found) {
    throw new ExplainError(
      'EXPLAIN_BAD_OPTION',
      connectionName
        ? `target "${targetName}" has no connection "${connectionName}"`
        : `target "${targetName}" has no ${protocol?.toUpperCase() ?? ''} connection`,
      { hint: `Its connections: ${entries.map(([n]) => n).join(', ')}.` },
    );
  }
  const [name, connection] = found;
  const provider = view.providers.get(connection.provider);
  if (!provider) {
    throw new ExplainError(
      'EXPLAIN_BAD_OPTION',
      `connection "${name}" names provider "${connection.provider}", which the config does not have`,
    );
  }
  const where = `target ${targetName}, connection ${name}`;
  const persona = provider.config.persona as PersonaName;
  if (provider.protocol === 'saml' && provider.saml) {
    const sp = connection.sp ? await provider.saml.getSp(connection.sp) : undefined;
    if (!sp) {
      throw new ExplainError(
        'EXPLAIN_CONTEXT',
        `provider "${provider.id}" has no usable SP "${connection.sp ?? ''}" for ${where}`,
        {
          hint:
            provider.saml
              .spProblems()
              .map((p) => `${p.name}: ${p.error}`)
              .join('; ') || undefined,
        },
      );
    }
    const idp = idpSettingsFromMetadata(
      await provider.saml.metadataXml(),
      `provider ${provider.id} (${where})`,
    );
    return {
      sp: {
        ...emptySp(where),
        entityId: sp.entityId,
        acsUrls: sp.acs.map((a) => a.url),
        sloUrls: sp.slo ? [sp.slo.url] : [],
        signingCertificates: sp.signingCertificates,
        wantAssertionsSigned: sp.signAssertion,
        nameIdFormats: sp.nameIdFormat ? [sp.nameIdFormat] : [],
      },
      idp: { ...idp, persona },
      connection: name,
      provider: provider.id,
    };
  }
  const info = await provider.info();
  const client = connection.client;
  const clientConfig =
    client && provider.config.protocol === 'oidc' ? provider.config.clients[client] : undefined;
  const keys: JWK[] = await Promise.all(
    publishedKinds.map(async (kind) => ({ ...(await view.keys.get(provider.id, kind)).jwk }) as JWK),
  );
  return {
    sp: { ...emptySp(where), clientId: client, redirectUris: clientConfig?.redirectUris ?? [] },
    idp: {
      ...emptyIdp(`provider ${provider.id} (${where})`),
      entityId: info.entityId,
      persona,
      jwks: { keys },
    },
    connection: name,
    provider: provider.id,
  };
}

/** The connection whose provider issued the captured messages, or whose client sent them. */
async function senderOf(
  view: HarnessView,
  entries: Array<[string, ConnectionConfig]>,
  hints: SenderHints,
): Promise<[string, ConnectionConfig] | undefined> {
  for (const entry of entries) {
    const provider = view.providers.get(entry[1].provider);
    if (!provider) continue;
    if (hints.issuers.includes((await provider.info()).entityId)) return entry;
  }
  return entries.find(([, c]) => c.client !== undefined && hints.clientIds.includes(c.client));
}

/** The issuers of every configured provider with its persona, to name console settings. */
export async function knownIssuers(
  view: HarnessView,
): Promise<Array<{ entityId: string; persona: PersonaName }>> {
  const out: Array<{ entityId: string; persona: PersonaName }> = [];
  for (const provider of view.providers.values()) {
    out.push({ entityId: (await provider.info()).entityId, persona: provider.config.persona as PersonaName });
  }
  return out;
}
