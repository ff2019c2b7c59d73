import type { Context } from 'koa';
import type { z } from 'zod';
import { IdpError } from '../errors.ts';
import { readText } from '../http/body.ts';

/** Largest JSON body the API reads (SP metadata pasted into a request fits well within it). */
export const API_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Reads a JSON request body. A body that is not JSON, or not sent as JSON, is a 4xx that
 * says so; the server goes on serving.
 */
export async function readJson(ctx: Context, limit = API_BODY_LIMIT): Promise<unknown> {
  const type = ctx.request.type;
  if (type && type !== 'application/json') {
    throw new IdpError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      `expected a JSON body (application/json), got ${type}`,
      {
        hint: 'Send the request with Content-Type: application/json.',
      },
    );
  }
  const text = await readText(ctx, limit);
  if (!text.trim()) {
    throw new IdpError('BAD_REQUEST', 400, 'the request body is empty; expected a JSON object');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `the request body is not valid JSON: ${(error as Error).message}`,
      {
        hint: 'Check the quotes and commas of the JSON you sent.',
      },
    );
  }
}

/** Validates a parsed body against a schema; the error names every field that is wrong. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`,
  );
  throw new IdpError('BAD_REQUEST', 400, `invalid ${what}: ${problems.join('; ')}`, {
    detail: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
  });
}

/** Sets a JSON answer (Koa serialises it). */
export function sendJson(ctx: Context, body: unknown, status = 200): void {
  ctx.status = status;
  ctx.body = body;
}
