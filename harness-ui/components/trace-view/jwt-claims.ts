/** JWT claims that hold a time, in seconds since the epoch (RFC 7519 §4.1, OIDC Core §2). */
export const timeClaims = ['iat', 'nbf', 'exp', 'auth_time'] as const;

/** One JWT found in a traced message's decoded JSON. */
export interface TracedJwt {
  /** The field that carried it: id_token, logout_token, id_token_hint ... */
  field: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/**
 * `1764527400` → `"2026-11-30 18:30:00 UTC"`: an epoch time in seconds as a UTC date.
 * Undefined for a value that is not a finite number of seconds.
 */
export function epochDate(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `1764527400 (2026-11-30 18:30:00 UTC)`, or the value as JSON when it is not a time. */
export function timeWithDate(seconds: unknown): string {
  const date = epochDate(seconds);
  return date ? `${seconds} (${date})` : JSON.stringify(seconds);
}

/**
 * The JWTs in a decoded OIDC message: the trace decodes each as `{ header, payload }`
 * under the field that carried it. Text that is not a JSON object has none.
 */
export function tracedJwts(decoded: string | undefined): TracedJwt[] {
  if (!decoded?.trimStart().startsWith('{')) return [];
  let message: unknown;
  try {
    message = JSON.parse(decoded);
  } catch {
    return [];
  }
  if (!isObject(message)) return [];
  const out: TracedJwt[] = [];
  for (const [field, value] of Object.entries(message)) {
    if (isObject(value) && isObject(value.header) && isObject(value.payload)) {
      out.push({ field, header: value.header, payload: value.payload });
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
