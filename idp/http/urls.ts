import { IdpError } from '../errors.ts';

/**
 * Whether a URL from outside (SP metadata, a target, the config, a fault parameter) is
 * one the harness may send a browser or a request to: an absolute http: or https: URL.
 * `javascript:`, `data:`, `file:` and the rest are refused wherever such a URL enters.
 */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** Returns the URL when it is http(s), else throws `URL_SCHEME_REFUSED` (400) naming `what`. */
export function httpUrl(value: string, what: string): string {
  if (isHttpUrl(value)) return value;
  throw new IdpError(
    'URL_SCHEME_REFUSED',
    400,
    `${what} must be an http: or https: URL, got "${value.slice(0, 200)}"`,
    {
      hint: 'Only http(s) URLs are accepted from outside: a javascript: or data: URL would run script in the page that follows it.',
    },
  );
}

/** Schemes that run script or carry a document when a browser follows them. */
const scriptSchemes = /^\s*(javascript|data|vbscript|blob|file)\s*:/i;

/**
 * RelayState is opaque (SAML bindings §3.1.1): SPs put tokens in it (Shibboleth's
 * `ss:mem:...`), so it cannot be held to http(s). The harness only echoes it, escaped,
 * but an SP that redirects to it would run a script URL: those schemes are refused.
 */
export function checkRelayState(value: string | undefined, what = 'RelayState'): string | undefined {
  if (value !== undefined && scriptSchemes.test(withoutControls(value))) {
    throw new IdpError(
      'URL_SCHEME_REFUSED',
      400,
      `${what} is a script or data URL ("${value.slice(0, 80)}")`,
      {
        hint: 'RelayState may be an opaque token or an http(s) URL; javascript:, data:, vbscript:, blob: and file: URLs are refused.',
      },
    );
  }
  return value;
}

/** Browsers ignore tabs and newlines inside a scheme (`java\tscript:`); so does this check. */
function withoutControls(value: string): string {
  let out = '';
  for (const c of value) if (c.charCodeAt(0) > 0x1f) out += c;
  return out;
}
