import { createHash } from 'node:crypto';

/** Digests already made: every login asks again for the same user's `sub`. */
const known = new Map<string, Buffer>();
const KNOWN_LIMIT = 10_000;

/**
 * Opaque identifiers that a real IdP would assign: stable for one user at one provider,
 * different between providers (so the same person has two `sub`s at two IdPs).
 */
export function stableBytes(providerId: string, userId: string, purpose: string): Buffer {
  const key = `${purpose}\0${providerId}\0${userId}`;
  let bytes = known.get(key);
  if (!bytes) {
    bytes = createHash('sha256').update(key).digest();
    // Made-up users (a scenario's stranger) are new each time: bound what is kept.
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(key, bytes);
  }
  return Buffer.from(bytes);
}

export function stableUuid(providerId: string, userId: string, purpose: string): string {
  const hex = stableBytes(providerId, userId, purpose).toString('hex');
  // Version 4 / variant 10 bits so it looks like the GUIDs Entra issues.
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function stableDigits(providerId: string, userId: string, purpose: string, length: number): string {
  const n = BigInt(`0x${stableBytes(providerId, userId, purpose).toString('hex')}`);
  return (n % 10n ** BigInt(length)).toString().padStart(length, '1');
}

export function stableToken(providerId: string, userId: string, purpose: string, length: number): string {
  return stableBytes(providerId, userId, purpose).toString('base64url').slice(0, length);
}
