import type { Router } from '@koa/router';
import { maskSecrets, maskSecretsInText } from '../../lib/mask.ts';
import type { IdpContext } from '../context.ts';
import { IdpError } from '../errors.ts';
import type { TraceEntry } from '../trace.ts';
import { encodeEvent, openEventStream } from './sse.ts';
import type { TraceExport } from './types.ts';

/**
 * The trace for the UI: the log so far (`GET /api/trace`), new entries as they happen
 * (`GET /api/trace/stream`, Server-Sent Events), clearing, and an export with secrets masked.
 */
export function traceRoutes(router: Router, context: IdpContext): void {
  const { trace } = context;
  // Each new entry is encoded once, whatever the number of clients streaming it.
  const cache = new WeakMap<TraceEntry, string>();
  const encoded = (entry: TraceEntry) => {
    let text = cache.get(entry);
    if (text === undefined) {
      text = encodeEvent('entry', entry, entry.id);
      cache.set(entry, text);
    }
    return text;
  };

  router.get('/trace', (ctx) => {
    ctx.body = trace.list(readFilter(ctx.query));
  });

  router.delete('/trace', (ctx) => {
    trace.clear();
    ctx.status = 204;
  });

  router.get('/trace/export', (ctx) => {
    const body: TraceExport = {
      schema: 'sso-harness/trace@1',
      exportedAt: new Date().toISOString(),
      baseUrl: context.baseUrl,
      entries: trace.list(readFilter(ctx.query)).map(maskEntry),
    };
    ctx.attachment(`sso-harness-trace-${body.exportedAt.replace(/[:.]/g, '-')}.json`);
    ctx.type = 'application/json';
    ctx.body = `${JSON.stringify(body, null, 2)}\n`;
  });

  router.get('/trace/stream', (ctx) => {
    const filter = readFilter(ctx.query);
    const lastId = Number(ctx.get('last-event-id'));
    const stream = openEventStream(ctx);
    const matches = (e: TraceEntry) => filter.provider === undefined || e.provider === filter.provider;
    const backlogSince = Number.isInteger(lastId) && lastId > 0 ? lastId : filter.sinceId;
    if (backlogSince !== undefined) {
      for (const entry of trace.list({ ...filter, sinceId: backlogSince }))
        stream.sendEncoded(encoded(entry));
    }
    const onEntry = (entry: TraceEntry) => {
      if (matches(entry)) stream.sendEncoded(encoded(entry));
    };
    const onClear = () => stream.send('clear', {});
    trace.on('entry', onEntry);
    trace.on('clear', onClear);
    stream.onClose(() => {
      trace.off('entry', onEntry);
      trace.off('clear', onClear);
    });
  });
}

function readFilter(query: Record<string, string | string[] | undefined>): {
  provider?: string;
  sinceId?: number;
  flowId?: string;
} {
  const one = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value || undefined;
  };
  const filter: { provider?: string; sinceId?: number; flowId?: string } = {};
  const provider = one('provider');
  if (provider) filter.provider = provider;
  const flow = one('flow');
  if (flow) filter.flowId = flow;
  const since = one('since');
  if (since !== undefined) {
    const id = Number(since);
    if (!Number.isInteger(id) || id < 0) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `since must be a trace entry id (a whole number), got "${since}"`,
      );
    }
    filter.sinceId = id;
  }
  return filter;
}

/** A trace entry safe to attach to a ticket: tokens, codes, secrets and private keys masked. */
export function maskEntry(entry: TraceEntry): TraceEntry {
  const text = (value: string | undefined) => (value === undefined ? undefined : maskSecretsInText(value));
  return {
    ...maskSecrets(entry),
    url: text(entry.url),
    decoded: text(entry.decoded),
    raw: text(entry.raw),
  };
}
