import { constants, createHmac, type KeyObject, sign } from 'node:crypto';
import { IdpError } from '../errors.ts';
import type { SigningAlg } from './stages.ts';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Decodes a compact JWS without verifying it (the harness signed it, or is tracing it). */
export function decodeJwt(token: string): DecodedJwt {
  const [header, payload] = token.split('.');
  try {
    return { header: decodeSegment(header), payload: decodeSegment(payload) };
  } catch {
    throw new IdpError('BAD_REQUEST', 400, 'not a JWT (expected header.payload.signature in base64url)');
  }
}

function decodeSegment(segment: string | undefined): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
  return value as Record<string, unknown>;
}

/** What signs: an asymmetric private key, an HMAC secret, or nothing (`none`). */
export type JwsKey =
  | { type: 'private'; key: KeyObject }
  | { type: 'secret'; secret: Buffer }
  | { type: 'none' };

const digests = { '256': 'sha256', '384': 'sha384', '512': 'sha512' } as const;

/**
 * Signs header.payload exactly as given: the header's `alg` is not checked against the
 * key, because some faults need a header that lies. Only a key that cannot make the
 * algorithm's signature at all is refused.
 */
export function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  alg: SigningAlg,
  key: JwsKey,
): string {
  const input = `${segment(header)}.${segment(payload)}`;
  return `${input}.${signature(input, alg, key).toString('base64url')}`;
}

function segment(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signature(input: string, alg: SigningAlg, key: JwsKey): Buffer {
  if (alg === 'none') return Buffer.alloc(0);
  const digest = digests[alg.slice(2) as keyof typeof digests];
  const data = Buffer.from(input);
  if (alg.startsWith('HS')) {
    if (key.type !== 'secret') throw unsuitable(alg, 'an HMAC secret');
    return createHmac(digest, key.secret).update(data).digest();
  }
  if (key.type !== 'private') throw unsuitable(alg, 'a private key');
  const type = key.key.asymmetricKeyType;
  if (alg.startsWith('ES')) {
    if (type !== 'ec') throw unsuitable(alg, 'an EC key');
    return sign(digest, data, { key: key.key, dsaEncoding: 'ieee-p1363' });
  }
  if (type !== 'rsa') throw unsuitable(alg, 'an RSA key');
  if (alg.startsWith('PS')) {
    return sign(digest, data, {
      key: key.key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    });
  }
  return sign(digest, data, key.key);
}

function unsuitable(alg: string, needed: string): IdpError {
  return new IdpError(
    'INTERNAL',
    500,
    `cannot sign ${alg} without ${needed}; fix the signing plan of the fault`,
  );
}

/**
 * The token with its signature replaced by one made without any key: `empty` leaves
 * the third segment empty (header.payload.); `ecdsa-zero` is an ES256 signature with
 * r = s = 0 (64 zero bytes, IEEE P1363), which Java 15-18 accepted for any input and
 * any key (CVE-2022-21449, "psychic signatures").
 */
export function withSignature(token: string, forged: 'empty' | 'ecdsa-zero'): string {
  const input = token.split('.').slice(0, 2).join('.');
  const bytes = forged === 'empty' ? Buffer.alloc(0) : Buffer.alloc(64);
  return `${input}.${bytes.toString('base64url')}`;
}
