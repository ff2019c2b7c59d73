import type { Context, Middleware } from 'koa';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { ConfigError } from '../../config/errors.ts';
import { MemoryStore } from './adapter.ts';
import { libraryConfiguration } from './configuration.ts';
import { providerJwks } from './keys.ts';
import { providerMiddleware } from './mount.ts';
import { type OidcRuntime, type OidcRuntimeBase, requestState } from './runtime.ts';
import { traceOidc } from './trace.ts';

/**
 * The oidc-provider instance of one provider and the middleware serving it: made on the
 * provider's first use (see index.ts), so that a harness loads the library only when an
 * OIDC provider is used and makes no keys for providers nobody uses. Throws a ConfigError
 * naming a client the library refuses.
 */
export async function startLibrary(partial: OidcRuntimeBase): Promise<Middleware> {
  const { context, id, issuer } = partial;
  const store = new MemoryStore();
  const provider = new Provider(
    issuer,
    libraryConfiguration(partial, await providerJwks(context.keys, id), store),
  );
  provider.proxy = Boolean(context.config.server.publicUrl);
  allowImplicitOnHttp(provider);
  const runtime: OidcRuntime = { ...partial, provider };
  listen(runtime);
  await checkClients(runtime);
  return providerMiddleware(runtime);
}

/**
 * The library refuses implicit and hybrid clients whose redirect URIs are http: or on
 * localhost (OIDC Core says so for production). Test SPs live on http loopback, so
 * those two checks are lifted on this instance's client schema (the library's own
 * recipe); every other client check stays.
 */
function allowImplicitOnHttp(provider: Provider): void {
  const schema = (
    provider.Client as unknown as { Schema: { prototype: { invalidate(m: string, c?: string): void } } }
  ).Schema.prototype;
  const invalidate = schema.invalidate;
  schema.invalidate = function relaxed(message: string, code?: string) {
    if (code === 'implicit-force-https' || code === 'implicit-forbid-localhost') return;
    invalidate.call(this, message, code);
  };
}

/** Checks every configured client now, so a bad one stops the server with its name. */
async function checkClients(runtime: OidcRuntime): Promise<void> {
  const problems: string[] = [];
  for (const clientId of Object.keys(runtime.config.clients)) {
    try {
      await runtime.provider.Client.find(clientId);
    } catch (error) {
      const detail = (error as { error_description?: string }).error_description ?? String(error);
      problems.push(`providers.${runtime.id}.clients.${clientId}: ${detail}`);
    }
  }
  if (problems.length) throw new ConfigError('CONFIG_INVALID', undefined, problems);
}

/** Library events the harness records: captured authorization responses, errors, back-channel logout. */
function listen(runtime: OidcRuntime): void {
  // The library's typings name only some of its events.
  const provider = runtime.provider as unknown as NodeJS.EventEmitter;
  provider.on('authorization.success', (ctx: KoaContextWithOIDC, out: Record<string, unknown>) => {
    requestState(ctx as unknown as Context).authorization = { ...out };
  });
  const errorEvents = [
    'authorization.error',
    'grant.error',
    'userinfo.error',
    'end_session.error',
    'end_session_confirm.error',
    'discovery.error',
    'jwks.error',
    'revocation.error',
    'introspection.error',
    'pushed_authorization_request.error',
    'server_error',
  ];
  for (const event of errorEvents) {
    provider.on(
      event,
      (ctx: KoaContextWithOIDC, error: Error & { error_description?: string; error_detail?: string }) => {
        const description = [error.message, error.error_description, error.error_detail]
          .filter(Boolean)
          .join(': ');
        traceOidc(runtime, ctx as unknown as Context, {
          direction: 'note',
          kind: 'error',
          summary: `${event.replace('.error', '')}: ${description}`,
          error: description,
        });
      },
    );
  }
  provider.on('backchannel.success', (ctx: KoaContextWithOIDC, client: { clientId: string }) => {
    traceOidc(runtime, ctx as unknown as Context, {
      direction: 'out',
      kind: 'logout',
      binding: 'back-channel',
      summary: `back-channel logout delivered to ${client.clientId}`,
    });
  });
  provider.on('backchannel.error', (ctx: KoaContextWithOIDC, error: Error, client: { clientId: string }) => {
    traceOidc(runtime, ctx as unknown as Context, {
      direction: 'out',
      kind: 'logout',
      binding: 'back-channel',
      summary: `back-channel logout to ${client.clientId} failed: ${error.message}`,
      error: error.message,
    });
  });
}
