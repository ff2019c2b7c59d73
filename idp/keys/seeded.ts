import {
  constants,
  createECDH,
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  publicEncrypt,
} from 'node:crypto';

/**
 * Deterministic key generation from a seed, so that every machine running the same
 * project configuration has the same IdP keys (an SP registers the certificate once,
 * CI runners start with an empty state folder). Node's crypto cannot take a seed, so
 * primes are searched here from an HMAC-SHA256 stream: each prime is the first probable
 * prime at or after a number read from the stream (see {@link nextPrime}).
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

let sievePrimes: readonly number[] | undefined;

/** Odd primes below 2^16, for the sieve (made on first use: most starts read keys from disk). */
function oddSmallPrimes(): readonly number[] {
  if (sievePrimes) return sievePrimes;
  const limit = 1 << 16;
  const composite = new Uint8Array(limit);
  const primes: number[] = [];
  for (let i = 3; i < limit; i += 2) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j < limit; j += 2 * i) composite[j] = 1;
  }
  sievePrimes = primes;
  return primes;
}

/** Odd candidates sieved at a time. */
const WINDOW = 4096;

/**
 * The first probable prime p ≥ the stream's next number (top two bits set, odd) with
 * p - 1 not divisible by e. Which number that is depends only on the stream, not on how
 * composites are ruled out: a sieve by the primes below 2^16 first, then strong probable
 * prime tests (Miller-Rabin) to the bases 2 to 13. Earlier versions tested every
 * candidate with OpenSSL's 64 random-base rounds and found the same primes, only
 * several times slower.
 */
function nextPrime(stream: (n: number) => Buffer, bits: number, e: bigint): bigint {
  const bytes = stream(bits / 8);
  // Top two bits set so that the product of two such primes has exactly 2*bits bits.
  let start = toBigInt(bytes) | (3n << BigInt(bits - 2)) | 1n;
  const modulus = modPower(bits);
  for (;;) {
    const composite = new Uint8Array(WINDOW);
    for (const prime of oddSmallPrimes()) {
      // start + 2k ≡ 0 (mod prime)  <=>  k ≡ -start / 2 (mod prime)
      const residue = Number(start % BigInt(prime));
      let k = residue === 0 ? 0 : ((prime - residue) * ((prime + 1) / 2)) % prime;
      for (; k < WINDOW; k += prime) composite[k] = 1;
    }
    for (let k = 0; k < WINDOW; k++) {
      if (composite[k]) continue;
      const candidate = start + 2n * BigInt(k);
      if ((candidate - 1n) % e !== 0n && isProbablePrime(candidate, modulus)) return candidate;
    }
    start += 2n * BigInt(WINDOW);
  }
}

const BASES = [2n, 3n, 5n, 7n, 11n, 13n];

/**
 * Strong probable prime to every base in {@link BASES}: a random composite of 512 bits or
 * more passes six rounds with a probability below 2^-80 (Damgård, Landrock and Pomerance,
 * 1993), and the candidates here are random. Most composites fail the first base.
 */
function isProbablePrime(n: bigint, power: (base: bigint, exponent: bigint, n: bigint) => bigint): boolean {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  next: for (const base of BASES) {
    let x = power(base, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue next;
    }
    return false;
  }
  return true;
}

/**
 * base^exponent mod n through OpenSSL: a raw RSA public-key operation (no padding) with n
 * as the modulus and the exponent as the public exponent is exactly that modular power,
 * and native, where BigInt arithmetic would be ten times slower. n is odd and below 2^3072
 * here, where OpenSSL takes any public exponent below n.
 */
function modPower(bits: number): (base: bigint, exponent: bigint, n: bigint) => bigint {
  const length = bits / 8;
  return (base, exponent, n) => {
    const key = createPublicKey({
      format: 'jwk',
      key: { kty: 'RSA', n: toBase64Url(n), e: toBase64Url(exponent) },
    });
    const input = toFixedBytes(base, length);
    return toBigInt(publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, input));
  };
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
