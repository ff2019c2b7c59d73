import { IdpError } from '../errors.ts';

/** Signature algorithms by the names the config and signing plans use. */
export const signatureAlgorithms = {
  'rsa-sha256': { uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', hash: 'sha256' },
  'rsa-sha1': { uri: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', hash: 'sha1' },
  'rsa-sha512': { uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512', hash: 'sha512' },
} as const satisfies Record<string, { uri: string; hash: string }>;

export const digestAlgorithms = {
  sha256: { uri: 'http://www.w3.org/2001/04/xmlenc#sha256' },
  sha1: { uri: 'http://www.w3.org/2000/09/xmldsig#sha1' },
  sha512: { uri: 'http://www.w3.org/2001/04/xmlenc#sha512' },
} as const satisfies Record<string, { uri: string }>;

/** Content encryption of assertions (xml-encryption), key transport is RSA-OAEP. */
export const encryptionAlgorithms = {
  'aes256-gcm': 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
  'aes128-gcm': 'http://www.w3.org/2009/xmlenc11#aes128-gcm',
  'aes256-cbc': 'http://www.w3.org/2001/04/xmlenc#aes256-cbc',
  'aes128-cbc': 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
} as const;

/**
 * Key transport of the content key to the SP's RSA key (XML Encryption 1.1 §5.5), by the
 * names encryption plans use. `digest` and `mgf` are xml-encryption's short names for the
 * OAEP digest and the MGF1 digest of xmlenc11#rsa-oaep.
 */
export const keyTransportAlgorithms = {
  'rsa-oaep-mgf1p': { uri: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p' },
  'rsa-oaep-sha256': { uri: 'http://www.w3.org/2009/xmlenc11#rsa-oaep', digest: 'sha256', mgf: 'sha256' },
  'rsa-1_5': { uri: 'http://www.w3.org/2001/04/xmlenc#rsa-1_5' },
} as const satisfies Record<string, { uri: string; digest?: string; mgf?: string }>;

/** What a correct IdP wraps the content key with: the one key transport XML Encryption 1.1 requires. */
export const defaultKeyTransport = 'rsa-oaep-mgf1p';
export const exclusiveC14n = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const envelopedSignature = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export type SignatureAlgorithmName = keyof typeof signatureAlgorithms;
export type DigestAlgorithmName = keyof typeof digestAlgorithms;
export type EncryptionAlgorithmName = keyof typeof encryptionAlgorithms;
export type KeyTransportAlgorithmName = keyof typeof keyTransportAlgorithms;

export function signatureAlgorithm(name: string): (typeof signatureAlgorithms)[SignatureAlgorithmName] {
  return lookup(signatureAlgorithms, name, 'signature algorithm');
}

export function digestAlgorithm(name: string): (typeof digestAlgorithms)[DigestAlgorithmName] {
  return lookup(digestAlgorithms, name, 'digest algorithm');
}

/** The name of a signature algorithm given its URI (SigAlg of the Redirect binding). */
export function signatureAlgorithmByUri(uri: string): SignatureAlgorithmName | undefined {
  return (Object.keys(signatureAlgorithms) as SignatureAlgorithmName[]).find(
    (name) => signatureAlgorithms[name].uri === uri,
  );
}

function lookup<T>(table: Record<string, T>, name: string, what: string): T {
  if (!Object.hasOwn(table, name)) {
    throw new IdpError(
      'INTERNAL',
      500,
      `${what} "${name}" is not supported; known: ${Object.keys(table).join(', ')}`,
    );
  }
  return table[name]!;
}
