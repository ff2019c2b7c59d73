import type { HttpStep, TraceEntry } from '../../api/types.ts';

export { matchBaseline } from '../../../lib/message-diff.ts';

const compactJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface DecodedJwt {
  header: string;
  payload: string;
  signature: string;
}

/** Decodes a compact JWT's header and payload (no verification: this is evidence to read). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const text = token.trim();
  if (!compactJwt.test(text)) return undefined;
  const [header, payload, signature] = text.split('.') as [string, string, string];
  try {
    return {
      header: JSON.stringify(JSON.parse(base64UrlText(header)), null, 2),
      payload: JSON.stringify(JSON.parse(base64UrlText(payload)), null, 2),
      signature,
    };
  } catch {
    return undefined;
  }
}

/** Every JWT in a trace entry: its raw form, or id_token / access_token values in its decoded JSON. */
export function jwtsIn(entry: TraceEntry): Array<{ name: string; jwt: DecodedJwt }> {
  const found: Array<{ name: string; jwt: DecodedJwt }> = [];
  const raw = entry.raw ? decodeJwt(entry.raw) : undefined;
  if (raw) found.push({ name: entry.kind, jwt: raw });
  for (const [name, value] of Object.entries(decodedObject(entry.decoded))) {
    // The IdP's trace shows tokens it issued already split into header and payload.
    const token = value as { header?: unknown; payload?: unknown } | null;
    if (token && typeof token === 'object' && token.header && token.payload) {
      found.push({
        name,
        jwt: {
          header: JSON.stringify(token.header, null, 2),
          payload: JSON.stringify(token.payload, null, 2),
          signature: '',
        },
      });
    }
  }
  for (const match of (entry.decoded ?? '').matchAll(
    /"(id_token|access_token|logout_token|request)"\s*:\s*"([^"]+)"/g,
  )) {
    const jwt = decodeJwt(match[2]!);
    if (jwt && !found.some((f) => f.jwt.signature === jwt.signature)) found.push({ name: match[1]!, jwt });
  }
  return found;
}

function decodedObject(text: string | undefined): Record<string, unknown> {
  if (!text?.trimStart().startsWith('{')) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function base64UrlText(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** A shell command that sends the same request again (cookies are not kept: add them if the SP needs its session). */
export function curlCommand(step: HttpStep): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const parts = ['curl', '-i'];
  if (step.method !== 'GET') parts.push('-X', step.method);
  if (step.form) {
    for (const [name, value] of Object.entries(step.form))
      parts.push('--data-urlencode', quote(`${name}=${value}`));
  }
  parts.push(quote(step.url));
  return parts.join(' ');
}

/** The start of a page's text on one line, for a table cell: whitespace collapsed, cut at `max` characters. */
export function textPreview(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A URL short enough for a table: long query values (SAMLRequest, tokens) become "…(N chars)". */
export function shortUrl(url: string, keep = 24): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.length > 120 ? `${url.slice(0, 117)}…` : url;
  }
  const query = [...parsed.searchParams.entries()]
    .map(([name, value]) => `${name}=${value.length > keep ? `…(${value.length} chars)` : value}`)
    .join('&');
  return `${parsed.origin}${parsed.pathname}${query ? `?${query}` : ''}`;
}
