import type { Context } from 'koa';
import { LoginRefused } from './errors.ts';

const FORM_LIMIT = 512 * 1024;

/** Reads a form post with a size limit; anything else is a 4xx naming the problem. */
export async function readForm(ctx: Context): Promise<URLSearchParams> {
  const type = ctx.request.type;
  if (type && type !== 'application/x-www-form-urlencoded') {
    throw new LoginRefused('response-invalid', `expected a form post, got ${type}`, { status: 415 });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT) {
      ctx.set('Connection', 'close');
      throw new LoginRefused('response-invalid', `the form is over ${FORM_LIMIT} bytes`, { status: 413 });
    }
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Only same-site relative paths: RelayState and returnTo never redirect elsewhere. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/account';
  return value;
}

export function wantsJson(ctx: Context): boolean {
  return ctx.accepts('html', 'json') === 'json';
}
