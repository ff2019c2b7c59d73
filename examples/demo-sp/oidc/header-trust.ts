import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, importJWK, importX509, type JWK } from 'jose';

/**
 * What vulnerable relying parties do with a JWS header, emulated for the lax switches.
 * The strict SP uses none of this: it takes keys only from the IdP's JWKS.
 */

/** A key a header named: imported, or a JWKS to pick from. */
export type HeaderKey = Awaited<ReturnType<typeof importJWK>> | ReturnType<typeof createLocalJWKSet>;

/**
 * Lax (`jwt-header-key`): the key the header names (RFC 7515 §4.1.2-4.1.6) — an embedded
 * `jwk`, a JWKS at `jku`, a certificate at `x5u` or in `x5c` — or undefined when it names none.
 */
export async function keyNamedByHeader(
  header: Record<string, unknown>,
  alg: string,
): Promise<HeaderKey | undefined> {
  if (header.jwk && typeof header.jwk === 'object') return importJWK(header.jwk as JWK, alg);
  if (typeof header.jku === 'string') {
    const jwks = (await fetchOk(header.jku).then((r) => r.json())) as { keys: JWK[] };
    return createLocalJWKSet(jwks);
  }
  if (typeof header.x5u === 'string') return importX509(await fetchOk(header.x5u).then((r) => r.text()), alg);
  if (Array.isArray(header.x5c) && typeof header.x5c[0] === 'string') {
    return importX509(`-----BEGIN CERTIFICATE-----\n${header.x5c[0]}\n-----END CERTIFICATE-----`, alg);
  }
  return undefined;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response;
}

/**
 * Lax (`kid-injection`): the HMAC secret a naive key lookup returns for a kid — a file
 * read (`../../dev/null` is empty) or an SQL query (`' UNION SELECT 'x` yields x).
 * Emulated: nothing is read and nothing is queried.
 */
export function secretLookedUpByKid(kid: unknown): string | undefined {
  if (typeof kid !== 'string') return undefined;
  if (kid.includes('../') && kid.endsWith('/dev/null')) return '';
  return /'\s*UNION\s+SELECT\s+'([^']*)'/i.exec(kid)?.[1];
}

/**
 * Lax (`kid-injection`): an HS* signature checked with the looked-up secret, the empty
 * one included (jose refuses a zero-length HMAC key; the libraries this emulates did not).
 */
export function hmacVerifies(token: string, alg: string, secret: string): boolean {
  const bits = /^HS(256|384|512)$/.exec(alg)?.[1];
  if (!bits) return false;
  const [header, payload, signature] = token.split('.');
  const expected = createHmac(`sha${bits}`, secret).update(`${header}.${payload}`).digest();
  const actual = Buffer.from(signature ?? '', 'base64url');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Lax (`psychic-signature`): whether a compact JWS carries an ECDSA signature with r = s = 0. */
export function isZeroEcdsaSignature(token: string): boolean {
  const signature = Buffer.from(token.split('.')[2] ?? '', 'base64url');
  return signature.length > 0 && signature.every((byte) => byte === 0);
}

/** Every alg the JOSE registry defines for JWS (RFC 7518 §3.1, RFC 8037, RFC 8812). */
export const registeredJwsAlgs: ReadonlySet<string> = new Set([
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'ES256',
  'ES384',
  'ES512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
  'Ed25519',
  'Ed448',
  'ES256K',
  'none',
]);

/**
 * at_hash / c_hash (OIDC Core §3.1.3.6, §3.3.2.11): the left half of the hash of the
 * token's ASCII octets, with the hash of the id_token's alg, base64url.
 *
 * @returns undefined for an alg without a SHA-2 size (none, EdDSA).
 */
export function tokenHash(token: string, alg: string): string | undefined {
  const bits = /(256|384|512)$/.exec(alg)?.[1];
  if (!bits) return undefined;
  const digest = createHash(`sha${bits}`).update(token, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
