import type { Context } from 'koa';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { carriesFlowCookie } from '../flows.ts';
import { scriptedLogin } from '../login/scripted.ts';
import type { OidcRuntimeBase } from './runtime.ts';
import { requestState } from './runtime.ts';
import { traceOidc } from './trace.ts';

type Grant = InstanceType<KoaContextWithOIDC['oidc']['provider']['Grant']>;

/** Requests whose session this module logged in: `loadExistingGrant` grants them what they asked for. */
const directLogins = new WeakSet<object>();

/**
 * A scripted login at the authorization endpoint itself, so a load test's or an e2e
 * test's login is two requests (authorization, token) instead of four (no interaction
 * page, no resume). Runs as the library's `extraParams` validator of `user`, which the
 * library calls on every authorization request before it loads the session's account
 * (oidc-provider `lib/actions/authorization/index.js`: checkExtraParams, then
 * loadAccount, loadGrant, interactions).
 *
 * It logs a user in only where the interaction page would have done the same without a
 * page: no flow and no flow cookie (a scenario's verdict must come from its own flow), a
 * session with nobody logged in yet, no `prompt` asking for a page, and a scripted user
 * (`user`, `login_hint`, the provider's or a user's `auto`; idp/login/scripted.ts).
 * Anything else goes on to the interaction page as before.
 */
export function loginAtAuthorization(runtime: OidcRuntimeBase) {
  return async (ctx: KoaContextWithOIDC): Promise<void> => {
    const { oidc } = ctx;
    const params = oidc.params ?? {};
    if (oidc.route !== 'authorization' || !oidc.session || oidc.session.accountId) return;
    if (oidc.prompts.size > 0) return;
    const koa = ctx as unknown as Context;
    if (requestState(koa).flow || carriesFlowCookie(koa)) return;
    const scripted = scriptedLogin({
      directory: runtime.context.directory,
      providerId: runtime.id,
      providerAuto: runtime.config.auto,
      allowUnknownUsers: runtime.config.allowUnknownUsers,
      userParam: stringParam(params.user),
      loginHint: stringParam(params.login_hint),
    });
    if (scripted.action !== 'login') return;
    const accountId = runtime.accounts.register(scripted.user);
    oidc.session.loginAccount({ accountId });
    directLogins.add(ctx);
    traceOidc(runtime, koa, {
      direction: 'note',
      kind: 'interaction',
      summary: `${scripted.user.email} logged in (without the login page: ${scripted.how}); granted ${String(params.scope ?? '')}`,
      message: {
        user: scripted.user.email,
        userId: scripted.user.id,
        sub: runtime.accounts.subjectOf(scripted.user),
        accountId,
      },
    });
  };
}

/**
 * The library's `loadExistingGrant`: after a direct login, a grant of what the request
 * asked for (consent is never asked); otherwise the library's own default (the grant of
 * the interaction's result or of the session).
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { oidc } = ctx;
  if (directLogins.has(ctx) && oidc.session?.accountId && oidc.client) {
    const grant = new oidc.provider.Grant({
      accountId: oidc.session.accountId,
      clientId: oidc.client.clientId,
    });
    grantRequested(grant, oidc.params ?? {});
    await grant.save();
    return grant;
  }
  const grantId =
    oidc.result?.consent?.grantId ?? (oidc.client && oidc.session?.grantIdFor(oidc.client.clientId));
  return grantId ? oidc.provider.Grant.find(String(grantId)) : undefined;
}

/** Grants what a request asked for: its scopes and any claims of its claims parameter. */
export function grantRequested(grant: Grant, params: Record<string, unknown>): void {
  const scope = params.scope;
  if (typeof scope === 'string' && scope) grant.addOIDCScope(scope);
  const claims = params.claims;
  if (typeof claims === 'string') {
    try {
      const parsed = JSON.parse(claims) as Record<string, Record<string, unknown> | undefined>;
      const names = [...Object.keys(parsed.id_token ?? {}), ...Object.keys(parsed.userinfo ?? {})];
      if (names.length) grant.addOIDCClaims(names);
    } catch {
      // The library has already refused a malformed claims parameter before any login.
    }
  }
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
