import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import { IdpError } from '../errors.ts';

export interface EventStream {
  /** Sends one event; `data` is sent as JSON. Does nothing once the client has gone. */
  send(event: string, data: unknown, id?: number | string): void;
  /** Sends an event already encoded with `encodeEvent` (one encoding for every client). */
  sendEncoded(text: string): void;
  /** Ends the stream from the server side. */
  close(): void;
  /** Called once when the stream ends, whoever ended it. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

/** Limits of the live streams of one server. */
export const streamLimits = {
  /** Streams open at once; one more is answered 429. */
  maxStreams: 256,
  /**
   * Bytes waiting for one client that stopped reading; past this the stream is closed
   * (the browser's EventSource reconnects and catches up from Last-Event-ID).
   */
  maxBufferedBytes: 4 * 1024 * 1024,
};

const HEARTBEAT_MS = 15_000;
const openStreams = new WeakMap<object, { count: number }>();

/** One event in the text/event-stream format. */
export function encodeEvent(event: string, data: unknown, id?: number | string): string {
  const lines = [`event: ${event}`];
  if (id !== undefined) lines.push(`id: ${id}`);
  for (const line of JSON.stringify(data).split('\n')) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** Streams open on the server that `ctx` belongs to. */
export function openStreamCount(ctx: Context): number {
  return openStreams.get(ctx.app)?.count ?? 0;
}

/**
 * Turns the response into a Server-Sent Events stream (text/event-stream). A comment line
 * every few seconds keeps proxies from closing an idle stream. At most
 * `streamLimits.maxStreams` are open per server (429 beyond), and a client whose unread
 * data passes `streamLimits.maxBufferedBytes` is dropped rather than buffered without end.
 */
export function openEventStream(ctx: Context): EventStream {
  let counter = openStreams.get(ctx.app);
  if (!counter) {
    counter = { count: 0 };
    openStreams.set(ctx.app, counter);
  }
  if (counter.count >= streamLimits.maxStreams) {
    throw new IdpError(
      'TOO_MANY_STREAMS',
      429,
      `${counter.count} live streams are open, the most this server keeps`,
      {
        hint: 'Close other tabs of the harness UI, or retry in a moment.',
      },
    );
  }
  counter.count++;
  const open = counter;
  const stream = new PassThrough();
  const listeners: Array<() => void> = [];
  let closed = false;
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.status = 200;
  ctx.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  ctx.body = stream;
  const finish = () => {
    if (closed) return;
    closed = true;
    open.count--;
    clearInterval(heartbeat);
    for (const listener of listeners) listener();
  };
  const write = (text: string) => {
    if (closed) return;
    if (stream.writableLength + ctx.res.writableLength > streamLimits.maxBufferedBytes) {
      // The client stopped reading: drop it instead of buffering without end.
      stream.destroy();
      ctx.res.destroy();
      finish();
      return;
    }
    stream.write(text);
  };
  write(': connected\n\n');
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
  ctx.req.on('close', finish);
  stream.on('close', finish);
  return {
    send(event, data, id) {
      if (!closed) write(encodeEvent(event, data, id));
    },
    sendEncoded: write,
    close() {
      stream.end();
      finish();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
    get closed() {
      return closed;
    },
  };
}
