import type { Trace } from '../trace.ts';
import type { ScimExchange } from './client.ts';

/**
 * Records one SCIM exchange in the trace, decoded: request line, headers and JSON body,
 * then the answer. The exchange is already masked (the client masks its own secrets).
 */
export function traceScimExchange(
  trace: Trace,
  exchange: ScimExchange,
  where: { provider: string; flowId?: string | undefined },
): void {
  const path = new URL(exchange.url).pathname;
  const status = exchange.status === undefined ? 'no answer' : String(exchange.status);
  trace.record({
    provider: where.provider,
    flowId: where.flowId,
    protocol: 'scim',
    direction: 'out',
    binding: 'SCIM 2.0',
    kind: `${exchange.method} ${resourceOf(path)}`,
    summary: `${exchange.method} ${path} → ${status}${exchange.attempt > 1 ? ` (attempt ${exchange.attempt})` : ''}${exchange.problem ? `: ${exchange.problem}` : ''}`,
    method: exchange.method,
    url: exchange.url,
    decoded: () => decodeExchange(exchange),
    error: exchange.problem,
  });
}

/** The exchange as text: what was sent, then what came back. */
export function decodeExchange(exchange: ScimExchange): string {
  const lines = [`${exchange.method} ${exchange.url}`];
  for (const [k, v] of Object.entries(exchange.requestHeaders)) lines.push(`${k}: ${v}`);
  if (exchange.requestBody !== undefined) lines.push('', JSON.stringify(exchange.requestBody, null, 2));
  lines.push('', `← ${exchange.status ?? 'no answer'} (${exchange.durationMs} ms)`);
  for (const [k, v] of Object.entries(exchange.responseHeaders ?? {})) lines.push(`${k}: ${v}`);
  if (exchange.responseBody !== undefined) lines.push('', JSON.stringify(exchange.responseBody, null, 2));
  else if (exchange.responseExcerpt) lines.push('', exchange.responseExcerpt);
  if (exchange.problem) lines.push('', `problem: ${exchange.problem}`);
  return lines.join('\n');
}

/** Users, Groups, ServiceProviderConfig, ... : the resource type a path addresses. */
function resourceOf(path: string): string {
  const match = /\/(Users|Groups|ServiceProviderConfig|ResourceTypes|Schemas|Bulk|Me|\.search)(?:\/|$)/.exec(
    path,
  );
  return match ? match[1]! : path;
}
