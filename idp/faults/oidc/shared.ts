import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Which claim set a claims fault changes: the id_token's, userinfo's, or both. */
export const claimUse = z
  .enum(['both', 'id_token', 'userinfo'])
  .default('both')
  .describe('Which claim set to change: the id_token, the userinfo answer, or both');

export function appliesTo(use: z.output<typeof claimUse>, actual: 'id_token' | 'userinfo'): boolean {
  return use === 'both' || use === actual;
}

/** A JSON object of claims or fields, as a scenario writes it. */
export const jsonObject = z.record(z.string(), z.unknown());

/** Now, in seconds since the epoch (JWT NumericDate). */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A copy of an object without the named members. */
export function without<T extends Record<string, unknown>>(value: T, names: readonly string[]): T {
  const copy = { ...value };
  for (const name of names) delete copy[name];
  return copy;
}

/**
 * A stable, made-up identifier derived from a seed (an email): the same input gives the
 * same `sub`/`oid` in every run, and it never equals a real user's.
 */
export function derivedId(seed: string, shape: 'token' | 'uuid'): string {
  const hash = createHash('sha256').update(`sso-harness fault identity:${seed}`).digest();
  if (shape === 'token') return hash.toString('base64url').slice(0, 43);
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Endpoints whose requests carry a flow (the browser's cookie, or the code or token they send). */
export const flowRoute = z
  .enum(['authorization', 'token', 'userinfo', 'end_session', 'revocation', 'introspection'])
  .describe('The endpoint');
