import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from '@koa/router';
import { decodeJwt } from 'jose';
import Koa, { type Context, type Middleware } from 'koa';
import { html } from '../../lib/html.ts';
import { closeServer, listen } from '../../lib/http-server.ts';
import {
  type DemoSpConfig,
  defaultClockSkewSeconds,
  defaultMaxAgeSeconds,
  laxClockSkewSeconds,
} from './config.ts';
import type { SpContext } from './context.ts';
import { defaultDemoSpConfig } from './defaults.ts';
import { DemoSpError, LoginRefused } from './errors.ts';
import { answerNoSession, answerRefusal, type FailureStyle, signInPage } from './failure-styles.ts';
import { readForm, safeReturnTo, wantsJson } from './http.ts';
import { type LaxName, parseLax } from './lax.ts';
import { acceptLogoutToken } from './oidc/backchannel-logout.ts';
import { completeOidcLogin } from './oidc/callback.ts';
import { CompletedLogins } from './oidc/completed-logins.ts';
import { acceptFrontChannelLogout } from './oidc/frontchannel-logout.ts';
import { oidcLoginUrl } from './oidc/login.ts';
import { PendingLogins } from './oidc/pending-logins.ts';
import { OidcProviders, type OidcSettings, oidcSettings } from './oidc/provider.ts';
import { refreshOidcLogin } from './oidc/refresh.ts';
import {
  accountPage,
  type ConnectionLink,
  loginPage,
  passwordPage,
  refusalPage,
  simplePage,
} from './pages.ts';
import { type LoginResult, resolveUser } from './policy.ts';
import { consumeSamlResponse } from './saml/acs.ts';
import { authnRequestId, samlLoginUrl } from './saml/login.ts';
import { type SamlSettings, samlSettings } from './saml/settings.ts';
import { handleSamlSlo, samlLogoutUrl } from './saml/slo.ts';
import { spMetadata } from './saml/sp-metadata.ts';
import { createSamlState } from './saml/state.ts';
import { scimRouter } from './scim/server.ts';
import { type Session, type SessionLogin, SessionStore } from './session.ts';
import { type PublicUser, type StoredUser, UserStore } from './users.ts';

export interface DemoSpOptions {
  /** The connections and users; a function receives the SP's URL once it listens. Default: `defaultDemoSpConfig`. */
  config?: DemoSpConfig | ((spUrl: string) => DemoSpConfig);
  /** Harness base URL for the default config. */
  harnessUrl?: string;
  /** Lax switches: `audience,replay-cache` or a list. */
  lax?: string | readonly string[];
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** An HTTP server already listening, used instead of binding `port` (the CLI binds its ports first). */
  server?: Server;
  log?: (line: string) => void;
  /** The SP's clock (tests shift it). */
  now?: () => number;
  /** How the SP answers without a session (see `failure-styles.ts`); default `plain`. */
  failureStyle?: FailureStyle | undefined;
}

export interface DemoSp {
  url: string;
  lax: ReadonlySet<LaxName>;
  failureStyle: FailureStyle;
  users: UserStore;
  config: DemoSpConfig;
  close(): Promise<void>;
}

/**
 * Starts the demo SP: a small SaaS-style app with SAML and OIDC connections, strict by
 * default, each check switchable with a named lax switch.
 *
 * @example
 * const sp = await createDemoSp({ harnessUrl: 'http://127.0.0.1:7000', lax: ['audience'] });
 * // sp.url + '/me' answers who is logged in
 */
export async function createDemoSp(options: DemoSpOptions = {}): Promise<DemoSp> {
  const lax = parseLax(options.lax);
  const server = options.server ?? createServer();
  server.keepAliveTimeout = 5000;
  if (!options.server) await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  let config: DemoSpConfig;
  try {
    config = resolveConfig(options, url);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const now = options.now ?? Date.now;
  const orgs = Object.keys(config.orgs ?? { production: 'Production' });
  const defaultOrg = orgs[0] ?? 'production';
  const sp: SpContext = {
    config,
    spUrl: url,
    lax,
    users: new UserStore(config.users, defaultOrg, { caseSensitiveEmails: lax.has('email-case-sensitive') }),
    defaultOrg,
    skewSeconds: lax.has('clock-skew')
      ? laxClockSkewSeconds
      : lax.has('no-skew-allowance')
        ? 0
        : (config.clockSkewSeconds ?? defaultClockSkewSeconds),
    maxAgeSeconds: config.maxAgeSeconds ?? defaultMaxAgeSeconds,
    metadataMaxAgeSeconds: config.metadataMaxAgeSeconds ?? 0,
    connection(name) {
      const found = Object.hasOwn(config.connections, name) ? config.connections[name] : undefined;
      if (!found) {
        throw new LoginRefused(
          'connection-unknown',
          `there is no connection "${name}"; known: ${Object.keys(config.connections).join(', ')}`,
          { status: 404 },
        );
      }
      return found;
    },
    now,
    log: options.log ?? (() => {}),
  };

  const failureStyle = options.failureStyle ?? 'plain';
  const app = new Koa();
  app.silent = true;
  const sessions = new SessionStore();
  const scim = scimRouter(sp, sessions);
  app.use(scim.router.routes());
  app.use(errorPages(sp, failureStyle));
  app.use(routes(sp, sessions, failureStyle).routes());
  server.on('request', app.callback());
  sp.log(`[demo-sp] listening on ${url}${lax.size ? ` (lax: ${[...lax].join(', ')})` : ' (strict)'}`);

  return {
    url,
    lax,
    failureStyle,
    users: sp.users,
    config,
    close: () => closeServer(server),
  };
}

function resolveConfig(options: DemoSpOptions, url: string): DemoSpConfig {
  if (typeof options.config === 'function') return options.config(url);
  if (options.config) return options.config;
  if (!options.harnessUrl) {
    throw new DemoSpError(
      'CONFIG_INVALID',
      'createDemoSp needs a config or a harnessUrl (for the default config)',
    );
  }
  return defaultDemoSpConfig(options.harnessUrl, url);
}

function routes(sp: SpContext, sessions: SessionStore, failureStyle: FailureStyle): Router {
  const router = new Router();
  const saml = createSamlState({
    metadataMaxAgeMs: sp.metadataMaxAgeSeconds * 1000,
    now: sp.now,
    pinned: sp.lax.has('metadata-pinned'),
  });
  const oidc = new OidcProviders(sp);
  const pendingLogins = new PendingLogins({
    inSession: sp.lax.has('oidc-state-in-session'),
    anyBrowser: sp.lax.has('state-any-browser'),
    now: () => sp.now(),
  });
  const samlOf = (name: string): SamlSettings => {
    const conn = sp.connection(name);
    if (conn.protocol !== 'saml')
      throw new LoginRefused('connection-unknown', `"${name}" is not a SAML connection`, { status: 404 });
    return samlSettings(sp.spUrl, name, conn, sp.lax.has('attribute-names-plain'));
  };
  const oidcOf = (name: string): OidcSettings => {
    const conn = sp.connection(name);
    if (conn.protocol !== 'oidc')
      throw new LoginRefused('connection-unknown', `"${name}" is not an OIDC connection`, { status: 404 });
    return oidcSettings(sp.spUrl, name, conn);
  };
  const links = (): ConnectionLink[] =>
    Object.entries(sp.config.connections).map(([name, c]) => ({
      name,
      displayName: c.displayName,
      protocol: c.protocol,
      disabled: Boolean(c.disabled),
    }));
  const currentUser = (
    ctx: Context,
  ): { session: Session; login: SessionLogin; user: StoredUser } | undefined => {
    const session = sessions.get(ctx, sp.now());
    const login = session?.login;
    const user = login ? sp.users.all().find((u) => u.id === login.userId) : undefined;
    const enabled = user && (!user.disabled || sp.lax.has('scim-keep-sessions'));
    return session && login && user && enabled ? { session, login, user } : undefined;
  };
  const finishLogin = (
    ctx: Context,
    result: Omit<LoginResult, 'connection'> & { connection: string | null },
    extra: Omit<SessionLogin, 'userId' | 'connection' | 'nameId'>,
    returnTo: string,
  ) => {
    if (sp.lax.has('keep-session-on-login') && currentUser(ctx)) {
      sp.log(`[demo-sp] ${result.user.email} logged in, but the session keeps its earlier user (lax)`);
      ctx.redirect(safeReturnTo(returnTo));
      return;
    }
    sessions.login(ctx, {
      userId: result.user.id,
      connection: result.connection,
      nameId: result.nameId,
      ...extra,
    });
    sp.log(`[demo-sp] ${result.user.email} logged in through ${result.connection ?? 'password'}`);
    ctx.redirect(safeReturnTo(returnTo));
  };

  const noSession = (ctx: Context) =>
    answerNoSession(failureStyle, ctx, {
      emails: () => sp.users.all().map((u) => u.email),
      firstLogin: () => {
        const first = links().find((c) => !c.disabled);
        return first && `/login/${encodeURIComponent(first.name)}`;
      },
    });
  // An RP refreshes when its access token has expired; a refresh it must refuse ends the session.
  router.use(async (ctx, next) => {
    const session = sessions.get(ctx, sp.now());
    const login = session?.login;
    const refresh = login?.oidcRefresh;
    if (
      session &&
      login?.connection &&
      refresh?.accessExpiresAt !== undefined &&
      refresh.accessExpiresAt <= sp.now()
    ) {
      try {
        const refreshed = await refreshOidcLogin(sp, oidc, oidcOf(login.connection), refresh);
        login.oidcRefresh = refreshed.refresh;
        if (refreshed.idToken) login.idToken = refreshed.idToken;
      } catch (error) {
        session.login = undefined;
        sp.log(
          `[demo-sp] session ended: the token refresh failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    await next();
  });
  router.get('/signin', (ctx) => {
    ctx.type = 'html';
    ctx.body = signInPage(sp.users.all().map((u) => u.email));
  });

  router.get('/me', (ctx) => {
    const current = currentUser(ctx);
    ctx.set('Cache-Control', 'no-store');
    if (!current && noSession(ctx)) return;
    if (!current) {
      ctx.status = 401;
      ctx.body = { user: null };
      return;
    }
    ctx.body = { user: publicUser(current.user, current.login) };
  });

  const account: Middleware = (ctx) => {
    const current = currentUser(ctx);
    if (!current) return ctx.redirect('/login');
    const connection = current.login.connection
      ? sp.config.connections[current.login.connection]?.displayName
      : undefined;
    ctx.type = 'html';
    ctx.body = accountPage(publicUser(current.user, current.login), connection);
  };
  router.get('/', account);
  router.get('/account', account);

  router.get('/login', (ctx) => {
    const enabled = links().filter((c) => !c.disabled);
    if (enabled.length === 1 && ctx.query.picker === undefined)
      return ctx.redirect(`/login/${encodeURIComponent(enabled[0]!.name)}`);
    ctx.type = 'html';
    ctx.body = loginPage({ connections: links() });
  });

  router.post('/login/email', async (ctx) => {
    const form = await readForm(ctx);
    const email = form.get('email')?.trim() ?? '';
    const user = sp.users.byEmail(email);
    ctx.type = 'html';
    if (user && 'connection' in user.auth)
      return ctx.redirect(`/login/${encodeURIComponent(user.auth.connection)}`);
    if (user) {
      ctx.body = loginPage({
        connections: links(),
        email,
        password: true,
        message: 'This account signs in with a password.',
      });
      return;
    }
    const domain = email.split('@')[1]?.toLowerCase();
    const byDomain = Object.entries(sp.config.connections).find(
      ([, c]) => !c.disabled && c.jit && c.emailDomains?.some((d) => d.toLowerCase() === domain),
    );
    if (byDomain) return ctx.redirect(`/login/${encodeURIComponent(byDomain[0])}`);
    ctx.body = loginPage({
      connections: links(),
      email,
      message: `No account or identity provider is set up for ${email}. Pick your identity provider below or ask for an invitation.`,
    });
  });

  router.get('/login/password', (ctx) => {
    ctx.type = 'html';
    ctx.body = passwordPage(typeof ctx.query.email === 'string' ? ctx.query.email : undefined);
  });

  router.post('/login/password', async (ctx) => {
    const form = await readForm(ctx);
    const email = form.get('email') ?? '';
    const user = sp.users.byEmail(email);
    if (user && 'connection' in user.auth) {
      throw new LoginRefused(
        'sso-required',
        `${user.email} signs in through single sign-on, not with a password`,
        { status: 400 },
      );
    }
    if (!user || user.disabled || !sp.users.checkPassword(user, form.get('password') ?? '')) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = passwordPage(email, 'Wrong email or password.');
      return;
    }
    finishLogin(ctx, { user, connection: null, nameId: null }, { protocol: 'password' }, '/account');
  });

  router.get('/login/:connection', async (ctx) => {
    const name = ctx.params.connection!;
    const conn = sp.connection(name);
    if (conn.disabled && !sp.lax.has('disabled-connection')) {
      throw new LoginRefused('disabled-connection', `the connection "${conn.displayName}" is disabled`, {
        connection: name,
      });
    }
    const returnTo = safeReturnTo(typeof ctx.query.returnTo === 'string' ? ctx.query.returnTo : undefined);
    if (conn.protocol === 'saml') {
      const url = await samlLoginUrl(sp, saml, samlOf(name), returnTo);
      if (sp.lax.has('saml-request-in-session')) {
        // As an SP whose AuthnRequest repository is its HTTP session (Spring Security's default).
        const session = sessions.ensure(ctx, sp.now());
        const id = authnRequestId(url);
        if (id) {
          session.samlRequests ??= new Set();
          session.samlRequests.add(id);
        }
      }
      ctx.redirect(url);
    } else {
      const session = sessions.ensure(ctx, sp.now());
      ctx.redirect(await oidcLoginUrl(ctx, sp, oidc, pendingLogins, oidcOf(name), session, returnTo));
    }
  });

  router.post('/saml/:connection/acs', async (ctx) => {
    const settings = samlOf(ctx.params.connection!);
    const form = await readForm(ctx);
    const session = sp.lax.has('saml-request-in-session') ? sessions.get(ctx, sp.now()) : undefined;
    const result = await consumeSamlResponse(
      sp,
      saml,
      settings,
      form.get('SAMLResponse') ?? undefined,
      sp.lax.has('saml-request-in-session')
        ? { find: (id, now) => (session?.samlRequests?.has(id) ? saml.requests.find(id, now) : undefined) }
        : saml.requests,
    );
    const login = resolveUser(sp, result.identity);
    finishLogin(
      ctx,
      login,
      {
        protocol: 'saml',
        nameIdFormat: result.nameIdFormat,
        sessionIndex: result.sessionIndex,
        expiresAt: result.sessionNotOnOrAfter,
      },
      form.get('RelayState') ?? '/account',
    );
  });

  router.get('/saml/:connection/metadata', (ctx) => {
    ctx.type = 'application/samlmetadata+xml';
    ctx.body = spMetadata(samlOf(ctx.params.connection!));
  });

  const slo: Middleware = async (ctx) => {
    const settings = samlOf((ctx.params as Record<string, string>).connection!);
    const form = ctx.method === 'POST' ? await readForm(ctx) : undefined;
    const redirect = await handleSamlSlo(sp, saml, settings, sessions, ctx, form);
    ctx.redirect(redirect);
  };
  router.get('/saml/:connection/slo', slo);
  router.post('/saml/:connection/slo', slo);

  const completedLogins = new CompletedLogins();
  const oidcCallback: Middleware = async (ctx) => {
    const settings = oidcOf((ctx.params as Record<string, string>).connection!);
    const session = sessions.get(ctx, sp.now());
    const currentUrl = new URL(ctx.originalUrl, sp.spUrl);
    // response_mode=form_post: the parameters come in the body (openid-client reads them the same way).
    if (ctx.method === 'POST') for (const [k, v] of await readForm(ctx)) currentUrl.searchParams.append(k, v);
    const code = currentUrl.searchParams.get('code');
    const replayed = sp.lax.has('code-replay') ? completedLogins.get(settings.connection, code) : undefined;
    const result =
      replayed ??
      (await completeOidcLogin(
        sp,
        oidc,
        settings,
        pendingLogins.take(ctx, session, settings.connection, currentUrl.searchParams.get('state')),
        currentUrl,
      ));
    const login = resolveUser(sp, result.identity);
    if (sp.lax.has('code-replay')) completedLogins.remember(settings.connection, code, result);
    finishLogin(
      ctx,
      login,
      {
        protocol: 'oidc',
        idToken: result.idToken,
        oidcRefresh: result.refresh,
        ...sessionIds(result.idToken),
      },
      result.returnTo,
    );
  };
  router.get('/oidc/jwks', async (ctx) => {
    ctx.body = await oidc.encryptionJwks();
  });
  router.get('/oidc/:connection/callback', oidcCallback);
  router.post('/oidc/:connection/callback', oidcCallback);

  router.get('/oidc/:connection/frontchannel-logout', (ctx) => {
    const settings = oidcOf(ctx.params.connection!);
    ctx.set('Cache-Control', 'no-store');
    const ended = acceptFrontChannelLogout(sp, settings, sessions, ctx);
    sp.log(`[demo-sp] front-channel logout at ${settings.connection}: ${ended} session(s) ended`);
    ctx.type = 'html';
    ctx.body = simplePage('Signed out', html`<p>Signed out of ${settings.config.displayName}.</p>`);
  });

  router.post('/oidc/:connection/backchannel-logout', async (ctx) => {
    const settings = oidcOf(ctx.params.connection!);
    const form = await readForm(ctx);
    ctx.set('Cache-Control', 'no-store');
    try {
      const ended = await acceptLogoutToken(
        sp,
        oidc,
        settings,
        sessions,
        form.get('logout_token') ?? undefined,
      );
      sp.log(`[demo-sp] back-channel logout at ${settings.connection}: ${ended} session(s) ended`);
      ctx.status = 200;
    } catch (error) {
      if (!(error instanceof LoginRefused)) throw error;
      // §2.8: a bad logout token is answered 400 with an OAuth error, never with a page.
      sp.log(`[demo-sp] back-channel logout refused (${error.reason}): ${error.message}`);
      ctx.status = 400;
      ctx.body = { error: 'invalid_request', error_description: error.message };
    }
  });

  const logout: Middleware = async (ctx) => {
    const current = currentUser(ctx);
    if (!sp.lax.has('logout-keeps-session')) sessions.destroy(ctx);
    const login = current?.login;
    let target = '/logged-out';
    try {
      if (login?.protocol === 'saml' && login.connection) {
        target = (await samlLogoutUrl(sp, saml, samlOf(login.connection), login)) ?? target;
      } else if (login?.protocol === 'oidc' && login.connection) {
        target = (await oidcLogoutUrl(oidc, oidcOf(login.connection), login, sp.spUrl)) ?? target;
      }
    } catch (error) {
      // The local session is gone; an IdP that cannot be told is logged and skipped.
      sp.log(`[demo-sp] single logout skipped: ${String(error)}`);
    }
    ctx.redirect(target);
  };
  router.get('/logout', logout);
  router.post('/logout', logout);

  router.get('/logged-out', (ctx) => {
    ctx.type = 'html';
    ctx.body = simplePage('Signed out', html`<h1>Signed out</h1><p><a href="/login">Sign in again</a></p>`);
  });

  return router;
}

async function oidcLogoutUrl(
  oidc: OidcProviders,
  settings: OidcSettings,
  login: SessionLogin,
  spUrl: string,
): Promise<string | undefined> {
  const meta = await oidc.metadata(settings);
  if (!meta.end_session_endpoint) return undefined;
  const url = new URL(meta.end_session_endpoint);
  url.searchParams.set('client_id', settings.config.clientId);
  if (login.idToken) url.searchParams.set('id_token_hint', login.idToken);
  url.searchParams.set('post_logout_redirect_uri', `${spUrl}/logged-out`);
  return url.href;
}

/** The sub and sid of a verified id_token, which back-channel logout tokens name. */
function sessionIds(idToken: string): { oidcSub?: string; oidcSid?: string } {
  if (!idToken) return {};
  const claims = decodeJwt(idToken);
  return {
    ...(typeof claims.sub === 'string' ? { oidcSub: claims.sub } : {}),
    ...(typeof claims.sid === 'string' ? { oidcSid: claims.sid } : {}),
  };
}

function publicUser(user: StoredUser, login: SessionLogin): PublicUser {
  return {
    email: user.email,
    nameId: login.nameId,
    externalId: user.externalId ?? null,
    roles: [...user.roles],
    connection: login.connection,
    org: user.org,
  };
}

/** Refusals become a page (or JSON) with the reason code; anything else is a 500 that says so. */
function errorPages(sp: SpContext, failureStyle: FailureStyle): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const refusal =
        error instanceof LoginRefused
          ? error
          : error instanceof DemoSpError
            ? new LoginRefused('response-invalid', error.message, { status: 400 })
            : undefined;
      if (!refusal) {
        sp.log(
          `[demo-sp] internal error on ${ctx.method} ${ctx.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        ctx.status = 500;
        ctx.body = wantsJson(ctx)
          ? { error: { reason: 'internal', message: 'internal error' } }
          : 'Internal error';
        return;
      }
      sp.log(`[demo-sp] refused (${refusal.reason}): ${refusal.message}`);
      if (answerRefusal(failureStyle, ctx, refusal)) return;
      ctx.status = refusal.status;
      if (wantsJson(ctx)) {
        ctx.body = {
          error: { reason: refusal.reason, message: refusal.message, connection: refusal.connection ?? null },
        };
      } else {
        ctx.type = 'html';
        ctx.body = refusalPage(refusal);
      }
    }
  };
}
