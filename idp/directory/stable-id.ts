import { createHash } from 'node:crypto';

/**
 * Opaque identifiers that a real IdP would assign: stable for one user at one provider,
 * different between providers (so the same person has two `sub`s at two IdPs).
 */
export function stableBytes(providerId: string, userId: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}\0${providerId}\0${userId}`).digest();
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
