import type { Context } from 'koa';
import { maskSecrets, maskSecretsInText } from '../../lib/mask.ts';
import type { TraceDirection } from '../trace.ts';
import { decodeJwt } from './jws.ts';
import { type OidcRuntimeBase, requestState } from './runtime.ts';

/** Fields that carry JWTs: traced decoded (header and payload), never as they travelled. */
const jwtFields = new Set(['id_token', 'id_token_hint', 'logout_token', 'client_assertion']);

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
    decoded: input.message ? JSON.stringify(decodeForTrace(input.message), null, 2) : undefined,
    relayState: input.state,
    error: input.error,
  });
}

/** Secrets masked, JWTs as `{ header, payload }`. */
export function decodeForTrace(message: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message)) {
    if (jwtFields.has(name) && typeof value === 'string') {
      try {
        out[name] = decodeJwt(value);
      } catch {
        out[name] = value;
      }
    } else {
      out[name] = value;
    }
  }
  return maskSecrets(out);
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
