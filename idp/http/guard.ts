import { createHash, timingSafeEqual } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import type { Context, Middleware } from 'koa';
import { html, page } from '../../lib/html.ts';
import { IdpError } from '../errors.ts';

/**
 * What keeps a web page the user happens to visit from driving the harness.
 *
 * 1. Host (DNS rebinding): every route answers only the host names the server was started
 *    for: 127.0.0.1, localhost, [::1], the configured host and the publicUrl's host (with
 *    host 0.0.0.0 or ::, also this machine's own addresses and name), plus
 *    `server.allowedHosts`. Anything else is 421. SPs and drivers reach the IdP by these
 *    same names, so the rule holds for the provider endpoints too.
 * 2. Cross-site requests, for state-changing methods (POST, PUT, PATCH, DELETE) under /api/:
 *    - `Sec-Fetch-Site`, when sent (every current browser), must be `same-origin` or `none`;
 *    - `Origin`, when sent, must be the harness's own origin (scheme, the request's
 *      allowed Host, port): another port of localhost is another origin;
 *    - the body must be declared `application/json`. A browser sends that type across
 *      origins only after a CORS preflight, which the harness never approves, so a page
 *      elsewhere cannot forge it. (DELETE carries no body but is never a "simple" request:
 *      it too needs a preflight across origins.)
 *    Non-browser clients (curl, the CLI, CI scripts) send neither Origin nor
 *    Sec-Fetch-Site: they pass with the JSON content type alone.
 *    The provider endpoints (/saml/, /oidc/) take cross-site POSTs by design: that is how
 *    SAML's HTTP-POST binding and OIDC's form_post reach them.
 * 3. API token (optional; required when the server listens beyond loopback): the API and
 *    the UI need `Authorization: Bearer <token>` or the session cookie that
 *    `/_harness/session?token=<token>` sets (HttpOnly, SameSite=Strict), then redirects to
 *    the UI so the token leaves the address bar. The provider endpoints never need it.
 * 4. Headers on every answer: a Content-Security-Policy with no inline script and
 *    `frame-ancestors 'none'`, `Referrer-Policy: no-referrer`,
 *    `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`.
 */
export interface GuardOptions {
  /** The server's base URL (publicUrl, or the address it listens on). */
  baseUrl: string;
  /** The interface the server binds (config `server.host`). */
  bindHost: string;
  /** Extra host names to answer (config `server.allowedHosts`). */
  allowedHosts?: readonly string[] | undefined;
  /** When set, the API and the UI need this token. */
  apiToken?: string | undefined;
}

/** Where a browser exchanges the API token for the session cookie. */
export const SESSION_PATH = '/_harness/session';
export const API_COOKIE = 'sso_harness_api';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];
/** Paths SPs and drivers reach: provider endpoints and the harness's static helpers. */
const providerPath = /^\/(saml|oidc|_harness)(\/|$)/;

/** Host names (lowercase, IPv6 in brackets, no port) the server answers to. */
export function allowedHostNames(options: Omit<GuardOptions, 'apiToken'>): Set<string> {
  const names = new Set(loopbackNames);
  const add = (name: string | undefined) => {
    if (!name) return;
    const lower = name.toLowerCase();
    names.add(lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower);
  };
  add(new URL(options.baseUrl).hostname);
  const bind = options.bindHost;
  if (bind === '0.0.0.0' || bind === '::') {
    add(hostname());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) add(address.address);
    }
  } else {
    add(bind);
  }
  for (const name of options.allowedHosts ?? []) add(name);
  return names;
}

/** The host name of a Host header value (`example.com:7000` -> `example.com`, `[::1]:7000` -> `[::1]`). */
export function hostOf(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  const colon = lower.indexOf(':');
  return colon < 0 ? lower : lower.slice(0, colon);
}

/** The request guard: host check, cross-site check, API token, security headers. */
export function requestGuard(options: GuardOptions): Middleware {
  const hosts = allowedHostNames(options);
  const token = options.apiToken ? digest(options.apiToken) : undefined;
  return async (ctx, next) => {
    setSecurityHeaders(ctx);
    checkHost(ctx, hosts);
    if (ctx.path === SESSION_PATH) return startSession(ctx, token);
    if (token && !providerPath.test(ctx.path)) checkToken(ctx, token);
    if (unsafeMethods.has(ctx.method) && (ctx.path === '/api' || ctx.path.startsWith('/api/'))) {
      checkSameOrigin(ctx);
    }
    await next();
  };
}

/**
 * The policy of every page. The UI and the IdP's pages load scripts only from the
 * harness (the POST binding's auto-submit is a static script file); styles may be inline
 * (the plain pages carry one style block). Provider pages may post forms and, for a
 * replay, fetch across origins: that is their job.
 */
function setSecurityHeaders(ctx: Context): void {
  ctx.set(providerPath.test(ctx.path) ? providerPageHeaders : harnessPageHeaders);
}

function securityHeaders(provider: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      provider ? "connect-src 'self' http: https:" : "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      provider ? "form-action 'self' http: https:" : "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  };
}

const providerPageHeaders = securityHeaders(true);
const harnessPageHeaders = securityHeaders(false);

function checkHost(ctx: Context, hosts: Set<string>): void {
  const values = [ctx.req.headers.host ?? ''];
  const forwarded = ctx.app.proxy ? ctx.get('x-forwarded-host').split(',')[0]?.trim() : undefined;
  if (forwarded) values.push(forwarded);
  for (const value of values) {
    if (hosts.has(hostOf(value))) continue;
    throw new IdpError(
      'MISDIRECTED_HOST',
      421,
      `this server does not answer for the host "${value || '(none)'}"`,
      {
        hint: `It answers ${[...hosts].join(', ')}. Add the name to server.allowedHosts (or set server.publicUrl) if you reach it by another one.`,
      },
    );
  }
}

function checkSameOrigin(ctx: Context): void {
  const site = ctx.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw crossSite(`the request came from a ${site} page (Sec-Fetch-Site: ${site})`);
  }
  const origin = ctx.get('origin');
  if (origin) {
    const own = `${ctx.protocol}://${ctx.req.headers.host ?? ''}`.toLowerCase();
    if (origin.toLowerCase() !== own) {
      throw crossSite(`the request came from the origin ${origin}, not from the harness (${own})`);
    }
  }
  if (ctx.method !== 'DELETE' && ctx.request.type !== 'application/json') {
    throw crossSite(
      `the request was sent as ${ctx.request.type || 'no content type'}, not as application/json`,
    );
  }
}

function crossSite(why: string): IdpError {
  return new IdpError('CROSS_SITE_REQUEST', 403, `refused: ${why}`, {
    hint: 'The API changes state only for JSON requests from the harness itself (its UI, or a client such as curl that sends Content-Type: application/json and no Origin).',
  });
}

function checkToken(ctx: Context, token: Buffer): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(ctx.get('authorization'))?.[1];
  const cookie = ctx.cookies.get(API_COOKIE);
  const presented = bearer ? digest(bearer.trim()) : cookie ? Buffer.from(cookie, 'hex') : undefined;
  if (presented && presented.length === token.length && timingSafeEqual(presented, token)) return;
  throw new IdpError('API_TOKEN_REQUIRED', 401, 'this harness needs its API token', {
    hint: `Send Authorization: Bearer <token>, or open ${SESSION_PATH}?token=<token> once in the browser (the URL \`sso-harness serve\` printed).`,
  });
}

function startSession(ctx: Context, token: Buffer | undefined): void {
  if (ctx.method !== 'GET') throw new IdpError('METHOD_NOT_ALLOWED', 405, `${SESSION_PATH} answers GET`);
  if (!token) {
    ctx.redirect('/');
    return;
  }
  const given = typeof ctx.query.token === 'string' ? digest(ctx.query.token) : undefined;
  if (!given || !timingSafeEqual(given, token)) {
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = page(
      'sso-harness: wrong token',
      html`<h1>Wrong or missing token</h1><p>Open the URL that <code>sso-harness serve</code> printed, with the API token it was started with.</p>`,
      { status: 'error' },
    );
    return;
  }
  ctx.cookies.set(API_COOKIE, token.toString('hex'), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    overwrite: true,
  });
  ctx.status = 303;
  ctx.redirect('/');
}

function digest(token: string): Buffer {
  return createHash('sha256').update(`sso-harness-api:${token}`).digest();
}
