import { getDomain } from 'tldts';

/**
 * A URL's schemeful site as browsers compute it for SameSite cookies: the scheme plus
 * the registrable domain (eTLD+1, private suffixes such as github.io included), or the
 * whole host when it has none (an IP address, `localhost`). `idp.localhost` and
 * `sp.localhost` are two sites; 127.0.0.1 and localhost are two sites; the port never
 * counts (RFC 6265bis §5.2, "same-site" and "site for cookies").
 */
export function siteOf(url: URL): string {
  const host = url.hostname.toLowerCase();
  return `${url.protocol}//${getDomain(host, { allowPrivateDomains: true }) ?? host}`;
}

/**
 * Whether a browser treats the URL as a secure context for `Secure` cookies: https, or
 * http on loopback (localhost, *.localhost, 127.0.0.0/8, [::1]). Measured in Chromium:
 * `SameSite=None; Secure` cookies set over http://127.0.0.1 and http://sp.localhost
 * are kept and sent; `SameSite=None` without Secure is dropped.
 */
export function isPotentiallyTrustworthy(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '[::1]'
  );
}
