import type { Context } from 'koa';
import { IdpError } from '../errors.ts';

/**
 * Reads an application/x-www-form-urlencoded body, refusing anything over `limit` bytes
 * before it is buffered whole.
 */
export async function readForm(ctx: Context, limit: number): Promise<URLSearchParams> {
  const type = ctx.request.type;
  if (type && type !== 'application/x-www-form-urlencoded') {
    throw new IdpError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      `expected a form post (application/x-www-form-urlencoded), got ${type}`,
    );
  }
  return new URLSearchParams(await readText(ctx, limit));
}

export async function readText(ctx: Context, limit: number): Promise<string> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw tooLarge(declared, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      // Stop reading; the connection closes after the 413 instead of draining the rest.
      ctx.set('Connection', 'close');
      throw tooLarge(size, limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(size: number, limit: number): IdpError {
  return new IdpError(
    'MESSAGE_TOO_LARGE',
    413,
    `the request body is over the limit of ${limit} bytes (got at least ${size})`,
    {
      hint: 'Raise limits.maxMessageBytes in the config if your SP really sends messages this large.',
    },
  );
}
