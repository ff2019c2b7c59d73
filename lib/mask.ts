/**
 * Masking of secrets in traces, reports and exports, by what a value is rather than by a
 * name that looks secret: client secrets and passwords, bearer credentials (access and
 * refresh tokens, authorization codes, PKCE verifiers, client assertions, Authorization
 * and Cookie headers), and private keys. A SAML StatusCode, an OAuth error code or a
 * fault's `code` parameter are evidence and stay as they are.
 */

const MASK = '«masked»';

/** Field names that hold a credential wherever they appear (OAuth parameters, headers, config). */
const credentialNames = new Set([
  'client_secret',
  'clientsecret',
  'password',
  'access_token',
  'refresh_token',
  'code_verifier',
  'client_assertion',
  'authorization',
  'cookie',
  'set-cookie',
  'private_key',
  'privatekey',
  'secret',
]);

/**
 * Fields next to which `code` is an OAuth authorization code (RFC 6749 §4.1.2 response,
 * §4.1.3 token request, OIDC form_post / session management). Elsewhere `code` is not one.
 */
const authorizationCodeCompanions = ['state', 'grant_type', 'redirect_uri', 'code_verifier', 'session_state'];

/** Parameters and JSON members masked inside text, whatever surrounds them. */
const textSecretNames = 'client_secret|password|access_token|refresh_token|code_verifier|client_assertion';
const textSecretParameter = new RegExp(
  `([?&#"]?)(${textSecretNames})(["']?\\s*[=:]\\s*["']?)([^&"'\\s,}]+)`,
  'gi',
);

/** Text none of whose secrets' markers appear needs no masking (most URLs of a login). */
const mayHoldSecret = new RegExp(`${textSecretNames}|code=|authorization|PRIVATE KEY`, 'i');

const privateKeyPem = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

/**
 * Masks secrets in an object tree (form fields, JSON bodies, headers, run records): the
 * values of credential fields, the `code` of an OAuth authorization response or token
 * request, secret parameters inside URLs, and PEM private keys inside any string.
 */
export function maskSecrets<T>(value: T): T {
  if (typeof value === 'string') return maskString(value) as T;
  if (Array.isArray(value)) return value.map(maskSecrets) as T;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const isOAuthMessage = entries.some(([k]) => authorizationCodeCompanions.includes(k));
    return Object.fromEntries(
      entries.map(([k, v]) => [k, isSecretField(k, v, isOAuthMessage) ? MASK : maskSecrets(v)]),
    ) as T;
  }
  return value;
}

function isSecretField(name: string, value: unknown, isOAuthMessage: boolean): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const lower = name.toLowerCase();
  return credentialNames.has(lower) || (lower === 'code' && isOAuthMessage);
}

/** A URL's secret parameters and any private key; other strings as they are. */
function maskString(text: string): string {
  const masked = text.includes('PRIVATE KEY-----') ? text.replace(privateKeyPem, MASK) : text;
  return /^https?:\/\//i.test(masked) ? maskSecretsInText(masked) : masked;
}

/**
 * Masks secrets inside text: URL query strings and fragments and form bodies (credential
 * parameters, and `code` as a URL parameter, where it is an authorization code), JSON
 * members of credential names, Basic and Bearer credentials, PEM private keys.
 */
export function maskSecretsInText(text: string): string {
  if (!mayHoldSecret.test(text)) return text;
  return text
    .replace(
      textSecretParameter,
      (_m, lead: string, name: string, sep: string) => `${lead}${name}${sep}${MASK}`,
    )
    .replace(/([?&#])code=([^&\s"#]+)/g, `$1code=${MASK}`)
    .replace(/(authorization:\s*(?:basic|bearer)\s+)\S+/gi, `$1${MASK}`)
    .replace(privateKeyPem, MASK);
}
