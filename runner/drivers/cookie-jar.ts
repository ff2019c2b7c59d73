import { isPotentiallyTrustworthy } from './site.ts';

/** The SameSite attribute as set; `unspecified` behaves as Lax (Chromium's default since M80). */
export type SameSite = 'strict' | 'lax' | 'none' | 'unspecified';

interface Cookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  expiresAt: number | undefined;
  secure: boolean;
  sameSite: SameSite;
}

/** The request a Cookie header is made for, as far as SameSite cares. */
export interface CookieRequest {
  /** The initiating page is on the request's site (or there is none: a typed URL). */
  sameSite: boolean;
  method: string;
}

/**
 * A browser-like cookie store for the HTTP driver: RFC 6265 domain and path matching,
 * expiry, and (like browsers) no port isolation, which matters when the IdP and the SP
 * both run on 127.0.0.1. SameSite and Secure as Chromium applies them (RFC 6265bis §5.6.7,
 * §5.8.3): on a cross-site top-level navigation Strict cookies stay home, Lax ones (and
 * those without SameSite) go only with a GET, None ones always; None without Secure and
 * Secure from an insecure origin are not stored. Unlike Chromium, a cookie without
 * SameSite gets no two-minute grace on a cross-site POST ("Lax allowing unsafe"): the
 * grace hides in a quick test what fails for a user who took longer (MFA), and other
 * browsers do not give it.
 */
export class CookieJar {
  private cookies: Cookie[] = [];

  /** Stores the Set-Cookie headers of a response to `url`. */
  store(url: URL, setCookieHeaders: readonly string[]): void {
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, url);
      if (!cookie) continue;
      this.cookies = this.cookies.filter(
        (c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path),
      );
      if (cookie.expiresAt === undefined || cookie.expiresAt > Date.now()) this.cookies.push(cookie);
    }
  }

  /** Sets the harness's own binding cookie, sent whatever the site of the request (SameSite=None). */
  set(url: URL, name: string, value: string): void {
    this.store(url, [`${name}=${value}; Path=/`]);
    const cookie = this.cookies.find((c) => c.name === name && c.domain === url.hostname.toLowerCase());
    if (cookie) cookie.sameSite = 'none';
  }

  /** The Cookie header for a request to `url`, or undefined; `request` defaults to a same-site one. */
  header(url: URL, request: CookieRequest = { sameSite: true, method: 'GET' }): string | undefined {
    const now = Date.now();
    this.cookies = this.cookies.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
    const host = url.hostname.toLowerCase();
    const matching = this.cookies
      .filter(
        (c) =>
          (c.hostOnly ? c.domain === host : domainMatches(host, c.domain)) &&
          pathMatches(url.pathname, c.path) &&
          (!c.secure || isPotentiallyTrustworthy(url)) &&
          sentWith(c.sameSite, request),
      )
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }
}

function parseSetCookie(header: string, url: URL): Cookie | undefined {
  const [pair, ...attributes] = header.split(';');
  const eq = pair?.indexOf('=') ?? -1;
  if (!pair || eq <= 0) return undefined;
  const cookie: Cookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    domain: url.hostname.toLowerCase(),
    hostOnly: true,
    path: defaultPath(url.pathname),
    expiresAt: undefined,
    secure: false,
    sameSite: 'unspecified',
  };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at === -1 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at === -1 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && value) {
      const domain = value.replace(/^\./, '').toLowerCase();
      if (!domainMatches(cookie.domain, domain)) return undefined;
      cookie.domain = domain;
      cookie.hostOnly = false;
    } else if (key === 'path' && value.startsWith('/')) {
      cookie.path = value;
    } else if (key === 'max-age') {
      const seconds = Number(value);
      if (Number.isFinite(seconds)) {
        cookie.expiresAt = Date.now() + seconds * 1000;
        maxAgeSeen = true;
      }
    } else if (key === 'expires' && !maxAgeSeen) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expiresAt = time;
    } else if (key === 'secure') {
      cookie.secure = true;
    } else if (key === 'samesite') {
      const mode = value.toLowerCase();
      // An unknown value is as if the attribute were absent (RFC 6265bis §5.6.7).
      cookie.sameSite = mode === 'strict' || mode === 'lax' || mode === 'none' ? mode : 'unspecified';
    }
  }
  if (cookie.secure && !isPotentiallyTrustworthy(url)) return undefined;
  if (cookie.sameSite === 'none' && !cookie.secure) return undefined;
  return cookie;
}

function sentWith(sameSite: SameSite, request: CookieRequest): boolean {
  if (request.sameSite || sameSite === 'none') return true;
  if (sameSite === 'strict') return false;
  // The driver only makes top-level navigations: Lax lets the safe ones through.
  return request.method === 'GET' || request.method === 'HEAD';
}

function defaultPath(path: string): string {
  if (!path.startsWith('/')) return '/';
  const last = path.lastIndexOf('/');
  return last <= 0 ? '/' : path.slice(0, last);
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || (host.endsWith(`.${domain}`) && !/^\d+\.\d+\.\d+\.\d+$/.test(host));
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
