import { PassThrough } from 'node:stream';
import type { Context } from 'koa';

export interface EventStream {
  /** Sends one event; `data` is sent as JSON. Does nothing once the client has gone. */
  send(event: string, data: unknown, id?: number | string): void;
  /** Ends the stream from the server side. */
  close(): void;
  /** Called once when the stream ends, whoever ended it. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

const HEARTBEAT_MS = 15_000;

/**
 * Turns the response into a Server-Sent Events stream (text/event-stream). A comment line
 * every few seconds keeps proxies from closing an idle stream.
 */
export function openEventStream(ctx: Context): EventStream {
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
  stream.write(': connected\n\n');
  const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const listener of listeners) listener();
  };
  ctx.req.on('close', finish);
  stream.on('close', finish);
  return {
    send(event, data, id) {
      if (closed) return;
      const lines = [`event: ${event}`];
      if (id !== undefined) lines.push(`id: ${id}`);
      for (const line of JSON.stringify(data).split('\n')) lines.push(`data: ${line}`);
      stream.write(`${lines.join('\n')}\n\n`);
    },
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
