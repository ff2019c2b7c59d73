/** Names of fields whose values are secrets in traces, reports and exports. */
const secretNames =
  /^(client_secret|password|access_token|refresh_token|code|code_verifier|client_assertion|authorization|cookie|set-cookie|private_key|secret)$/i;

const MASK = '«masked»';

/** Masks secret-looking fields in an object tree (form fields, JSON bodies, headers). */
export function maskSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskSecrets) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        secretNames.test(k) && (typeof v === 'string' || typeof v === 'number') ? MASK : maskSecrets(v),
      ]),
    ) as T;
  }
  return value;
}

/** Masks secrets inside text: query strings, form bodies, JSON, Basic credentials, PEM private keys. */
export function maskSecretsInText(text: string): string {
  return text
    .replace(
      /([?&"]?)(client_secret|password|access_token|refresh_token|code_verifier|client_assertion)(["']?\s*[=:]\s*["']?)([^&"'\s,}]+)/gi,
      (_m, lead: string, name: string, sep: string) => `${lead}${name}${sep}${MASK}`,
    )
    .replace(/([?&])code=([^&\s"]+)/g, `$1code=${MASK}`)
    .replace(/(authorization:\s*(?:basic|bearer)\s+)\S+/gi, `$1${MASK}`)
    .replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, MASK);
}
