import type { Middleware } from 'koa';
import { ConfigError } from '../../config/errors.ts';
import type { OidcProviderConfig } from '../../config/schema.ts';
import type { MountedProvider, ProviderFactory, ProviderInfo } from '../context.ts';
import { summarizeCertificate } from '../keys/certificate.ts';
import { personas } from '../personas/index.ts';
import type { PersonaContext } from '../personas/types.ts';
import { Accounts } from './accounts.ts';
import { publishedKinds } from './keys.ts';
import { FlowLogins } from './logins.ts';
import { discoveryUrl, oidcRoutePaths } from './routes.ts';
import type { OidcRuntimeBase } from './runtime.ts';

/**
 * One OpenID Connect provider: an oidc-provider instance mounted under `/oidc/<id>` (made
 * on the provider's first request, with its keys: library.ts),
 * shaped by its persona (issuer path, subject, claims, errors), signing with keys from
 * the key factory, logging users in through the shared login page, and letting each
 * flow change its answers at the stages of `stages.ts`.
 *
 * @example
 * const mounted = await createOidcProvider('entra', config.providers.entra, context);
 * (await mounted.info()).metadataUrl; // http://127.0.0.1:7000/oidc/entra/<tenant>/v2.0/.well-known/openid-configuration
 */
export const createOidcProvider: ProviderFactory<OidcProviderConfig> = async (id, config, context) => {
  const persona = personas[config.persona].oidc;
  if (!persona) {
    const usable = Object.values(personas)
      .filter((p) => p.oidc)
      .map((p) => p.name);
    throw new ConfigError('CONFIG_INVALID', undefined, [
      `providers.${id}.persona: "${config.persona}" has no OpenID Connect flavour; use one of ${usable.join(', ')}`,
    ]);
  }
  const personaContext: PersonaContext = {
    providerId: id,
    tenantId: config.tenantId,
    hostedDomain: config.hostedDomain,
    groupsOverageThreshold: config.groupsOverageThreshold,
  };
  const basePath = `/oidc/${id}`;
  const issuer = `${context.baseUrl}${basePath}${persona.issuerPath(personaContext)}`;
  const partial: OidcRuntimeBase = {
    id,
    config,
    context,
    persona,
    personaContext,
    issuer,
    mountPath: new URL(issuer).pathname.replace(/\/$/, ''),
    basePath,
    accounts: new Accounts({ persona, personaContext, directory: context.directory }),
    logins: new FlowLogins(),
  };
  // The library instance (and the provider's keys) on first use: see library.ts.
  let library: Promise<Middleware> | undefined;
  const started = () => {
    if (!library) {
      library = import('./library.ts').then(({ startLibrary }) => startLibrary(partial));
      library.catch(() => {
        library = undefined;
      });
    }
    return library;
  };

  return {
    id,
    protocol: 'oidc',
    config,
    displayName: config.displayName ?? id,
    entityId: issuer,
    metadataUrl: discoveryUrl(issuer),
    middleware: async (ctx, next) => (await started())(ctx, next),
    info: () => providerInfo(partial),
  } satisfies MountedProvider;
};

async function providerInfo(runtime: OidcRuntimeBase): Promise<ProviderInfo> {
  const { id, config, context, issuer } = runtime;
  const materials = await Promise.all(publishedKinds.map((kind) => context.keys.get(id, kind)));
  const base = `${context.baseUrl}${runtime.basePath}`;
  return {
    id,
    protocol: 'oidc',
    displayName: config.displayName ?? id,
    persona: config.persona,
    disabled: config.disabled,
    entityId: issuer,
    metadataUrl: discoveryUrl(issuer),
    baseUrl: base,
    certificates: materials
      .filter((m) => m.certificatePem)
      .map((m) => ({ ...summarizeCertificate(m.certificatePem!), kind: m.kind, use: 'signing' as const })),
    jwks: {
      uri: `${context.baseUrl}${runtime.mountPath}${oidcRoutePaths.jwks}`,
      keys: materials.map((m) => ({ kid: m.kid, alg: m.alg, kty: String(m.jwk.kty), kind: m.kind })),
    },
    relyingParties: Object.keys(config.clients),
    endpoints: [
      { name: 'discovery', url: discoveryUrl(issuer), binding: 'GET' },
      ...(['authorization', 'token', 'userinfo', 'jwks', 'end_session'] as const).map((route) => ({
        name: route,
        url: `${context.baseUrl}${runtime.mountPath}${oidcRoutePaths[route]}`,
      })),
    ],
  };
}
