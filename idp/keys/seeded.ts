import { checkPrimeSync, createECDH, createHmac, createPrivateKey, type KeyObject } from 'node:crypto';

/**
 * Deterministic key generation from a seed, so that every machine running the same
 * project configuration has the same IdP keys (an SP registers the certificate once,
 * CI runners start with an empty state folder). Node's crypto cannot take a seed, so
 * primes are searched here from an HMAC-SHA256 stream and tested by Node's native
 * Miller-Rabin (`checkPrimeSync`).
 */
export function seededRsaKey(seed: string, label: string, bits: number): KeyObject {
  const stream = byteStream(seed, `rsa:${bits}:${label}`);
  const e = 65537n;
  const half = bits / 2;
  let p: bigint;
  let q: bigint;
  do {
    p = nextPrime(stream, half, e);
    q = nextPrime(stream, half, e);
  } while (p === q || bitLength(p * q) !== bits);
  if (p < q) [p, q] = [q, p];
  const n = p * q;
  const phi = (p - 1n) * (q - 1n);
  const d = modInverse(e, phi);
  return createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'RSA',
      n: toBase64Url(n),
      e: toBase64Url(e),
      d: toBase64Url(d),
      p: toBase64Url(p),
      q: toBase64Url(q),
      dp: toBase64Url(d % (p - 1n)),
      dq: toBase64Url(d % (q - 1n)),
      qi: toBase64Url(modInverse(q, p)),
    },
  });
}

const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

export function seededEcKey(seed: string, label: string): KeyObject {
  const stream = byteStream(seed, `ec:p256:${label}`);
  const scalar = (toBigInt(stream(40)) % (P256_ORDER - 1n)) + 1n;
  const d = toFixedBytes(scalar, 32);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey();
  return createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: d.toString('base64url'),
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
  });
}

/** A deterministic byte source: HMAC-SHA256(seed, label || counter) blocks. */
export function byteStream(seed: string, label: string): (length: number) => Buffer {
  let counter = 0;
  let buffer = Buffer.alloc(0);
  return (length: number) => {
    while (buffer.length < length) {
      const block = createHmac('sha256', seed).update(`${label}:${counter++}`).digest();
      buffer = Buffer.concat([buffer, block]);
    }
    const out = buffer.subarray(0, length);
    buffer = buffer.subarray(length);
    return out;
  };
}

const SMALL_PRIMES = [3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n, 59n, 61n, 67n];

function nextPrime(stream: (n: number) => Buffer, bits: number, e: bigint): bigint {
  const bytes = stream(bits / 8);
  // Top two bits set so that the product of two such primes has exactly 2*bits bits.
  let candidate = toBigInt(bytes) | (3n << BigInt(bits - 2)) | 1n;
  for (;;) {
    if (
      SMALL_PRIMES.every((s) => candidate % s !== 0n) &&
      (candidate - 1n) % e !== 0n &&
      checkPrimeSync(candidate, { checks: 32 })
    ) {
      return candidate;
    }
    candidate += 2n;
  }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  if (oldR !== 1n) throw new Error('no modular inverse');
  return ((oldS % m) + m) % m;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
}

function toFixedBytes(n: bigint, length: number): Buffer {
  return Buffer.from(n.toString(16).padStart(length * 2, '0'), 'hex');
}

function toBase64Url(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}
