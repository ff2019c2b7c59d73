import type { Context } from 'koa';
import { maskSecrets, maskSecretsInText } from '../../lib/mask.ts';
import type { TraceDirection, TraceSignature } from '../trace.ts';
import { decodeJwt } from './jws.ts';
import { type OidcRuntimeBase, requestState } from './runtime.ts';

/** Fields that carry JWTs: traced decoded (header and payload). */
const jwtFields = new Set(['id_token', 'id_token_hint', 'logout_token', 'client_assertion']);
/**
 * JWTs also kept as they travelled, for copying into a JWT debugger or an SP's logs.
 * Not `client_assertion`: it is the client's credential, masked like a secret.
 */
const rawJwtFields = ['id_token', 'logout_token', 'id_token_hint'] as const;

export interface OidcTraceInput {
  direction: TraceDirection;
  /** authorization, interaction, authorization-response, token, userinfo, logout, discovery, jwks, error ... */
  kind: string;
  summary: string;
  /** query, form_post, fragment, back-channel ... */
  binding?: string | undefined;
  /** An object shown as JSON, secrets masked and JWTs decoded. */
  message?: Record<string, unknown> | undefined;
  state?: string | undefined;
  error?: string | undefined;
}

/** Records one OIDC message of this request in the trace, with its flow. */
export function traceOidc(runtime: OidcRuntimeBase, ctx: Context, input: OidcTraceInput): void {
  const jwt = input.message ? firstJwt(input.message) : undefined;
  runtime.context.trace.record({
    provider: runtime.id,
    flowId: requestState(ctx).flow?.id,
    protocol: 'oidc',
    direction: input.direction,
    binding: input.binding,
    kind: input.kind,
    summary: input.summary,
    method: ctx.method,
    url: maskSecretsInText(ctx.originalUrl),
    ...lazyDecoded(input.message),
    relayState: input.state,
    error: input.error,
    raw: jwt?.token,
    signature: jwt ? jwtSignature(jwt, input.direction, requestState(ctx).idTokenSigning) : undefined,
  });
}

/**
 * The message decoded when someone reads it (the UI, an export), not on every login: a
 * shallow copy is kept, with its size for the trace's byte budget.
 */
function lazyDecoded(message: Record<string, unknown> | undefined): {
  decoded?: () => string;
  decodedBytes?: number;
} {
  if (!message) return {};
  const kept = { ...message };
  let bytes = 0;
  for (const [name, value] of Object.entries(kept)) {
    bytes += name.length + (typeof value === 'string' ? value.length : 64);
  }
  return { decoded: () => JSON.stringify(decodeForTrace(kept), null, 2), decodedBytes: bytes };
}

/** The first JWT of a message worth keeping as it travelled. */
function firstJwt(message: Record<string, unknown>): { field: string; token: string } | undefined {
  for (const field of rawJwtFields) {
    const token = message[field];
    if (typeof token === 'string' && token.split('.').length === 3) return { field, token };
  }
  return undefined;
}

/**
 * The JWT's signature as its header states it; for an id_token the harness sent, the key
 * kind it signed with (from the `id-token` stage).
 */
function jwtSignature(
  jwt: { field: string; token: string },
  direction: TraceDirection,
  signing: { alg: string; keyKind: string | undefined } | undefined,
): TraceSignature | undefined {
  let alg: unknown;
  try {
    alg = (
      JSON.parse(Buffer.from(jwt.token.slice(0, jwt.token.indexOf('.')), 'base64url').toString()) as {
        alg?: unknown;
      }
    ).alg;
  } catch {
    return undefined;
  }
  if (typeof alg !== 'string') return undefined;
  if (alg === 'none') return { signed: [], alg };
  const ours = direction === 'out' && jwt.field === 'id_token' && signing?.alg === alg;
  return { signed: [jwt.field], alg, ...(ours && signing.keyKind ? { keyKind: signing.keyKind } : {}) };
}

/** Secrets masked, JWTs as `{ header, payload }`. */
export function decodeForTrace(message: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message)) {
    if (jwtFields.has(name) && typeof value === 'string') {
      try {
        out[name] = decodeJwt(value);
      } catch {
        out[name] = jweHeader(value) ?? value;
      }
    } else {
      out[name] = value;
    }
  }
  return maskSecrets(out);
}

/** A compact JWE's protected header (its content stays encrypted), or undefined for anything else. */
function jweHeader(token: string): { header: unknown; encrypted: true } | undefined {
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  try {
    return { header: JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')), encrypted: true };
  } catch {
    return undefined;
  }
}

/** A form or query as a plain object (repeated names become arrays). */
export function paramsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = out[name];
    out[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return out;
}
