/**
 * The kinds of signing material a provider has. Several kinds share one key pair and
 * differ only in their certificate, so that a scenario changes exactly one thing:
 * `expired` is the current key with an expired certificate, `rogue` is a different key
 * with the current certificate's subject.
 */
export interface KeyKind {
  /** Which key pair: kinds naming the same pair share it. */
  pair: KeyPairName;
  /** Certificate to issue for the pair; absent for keys used only as JWKs. */
  certificate?: {
    validity: 'current' | 'expired' | 'not-yet-valid';
    hash: 'sha256' | 'sha1';
  };
  /** What the kind is for, shown in the UI. */
  description: string;
}

export type KeyPairName = 'primary' | 'next' | 'rogue' | 'weak' | 'ec';

export interface KeyPairSpec {
  type: 'rsa' | 'ec';
  /** RSA modulus bits; 'default' follows config `keys.rsaBits`. */
  bits?: number | 'default';
}

export const keyPairs: Record<KeyPairName, KeyPairSpec> = {
  primary: { type: 'rsa', bits: 'default' },
  next: { type: 'rsa', bits: 'default' },
  rogue: { type: 'rsa', bits: 'default' },
  weak: { type: 'rsa', bits: 1024 },
  ec: { type: 'ec' },
};

export const keyKinds = {
  current: {
    pair: 'primary',
    certificate: { validity: 'current', hash: 'sha256' },
    description: 'The signing key and certificate the SP registered',
  },
  next: {
    pair: 'next',
    certificate: { validity: 'current', hash: 'sha256' },
    description: 'The next key after a rotation at the IdP',
  },
  expired: {
    pair: 'primary',
    certificate: { validity: 'expired', hash: 'sha256' },
    description: 'The current key in a certificate whose validity ended',
  },
  'not-yet-valid': {
    pair: 'primary',
    certificate: { validity: 'not-yet-valid', hash: 'sha256' },
    description: 'The current key in a certificate whose validity has not started',
  },
  rogue: {
    pair: 'rogue',
    certificate: { validity: 'current', hash: 'sha256' },
    description: 'A different key in a certificate with the same subject (an attacker)',
  },
  weak: {
    pair: 'weak',
    certificate: { validity: 'current', hash: 'sha256' },
    description: 'A 1024-bit RSA key',
  },
  sha1: {
    pair: 'primary',
    certificate: { validity: 'current', hash: 'sha1' },
    description: 'The current key in a certificate signed with SHA-1',
  },
  ec: { pair: 'ec', description: 'An EC P-256 key (ES256 tokens)' },
} as const satisfies Record<string, KeyKind>;

export type KeyKindName = keyof typeof keyKinds;
export const keyKindNames = Object.keys(keyKinds) as KeyKindName[];

export function isKeyKindName(name: string): name is KeyKindName {
  return Object.hasOwn(keyKinds, name);
}
