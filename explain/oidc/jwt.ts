import { compactDecrypt, importPKCS8 } from 'jose';
import { describeError } from '../../lib/errors.ts';
import { explainDefaults } from '../defaults.ts';
import { Unreadable } from '../input/unreadable.ts';

/** A JWS in compact form, decoded (not verified). */
export interface DecodedJwt {
  compact: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The header of the JWE it came out of, when it was encrypted. */
  encryption?: Record<string, unknown> | undefined;
}

const spec = 'RFC 7519 §7.2 (validating a JWT); RFC 7515 §7.1 (compact serialization)';

/**
 * Decodes a compact JWS (three segments), or decrypts a compact JWE (five) with the
 * SP's private key first. Throws Unreadable naming what is wrong: sizes over the limits,
 * segments that are not base64url JSON, an encrypted token without a key.
 */
export async function decodeJwt(compact: string, decryptionKey: string | undefined): Promise<DecodedJwt> {
  const limits = explainDefaults.limits;
  if (compact.length > limits.maxJwtChars) {
    throw new Unreadable(
      'input.jwt',
      `the token is ${compact.length} characters, over the limit of ${limits.maxJwtChars}`,
      { spec },
    );
  }
  const segments = compact.split('.');
  if (segments[0]!.length > limits.maxJwtHeaderChars) {
    throw new Unreadable(
      'input.jwt',
      `the token's header is ${segments[0]!.length} characters, over the limit of ${limits.maxJwtHeaderChars}: no real JOSE header is that large`,
      { spec },
    );
  }
  if (segments.length === 5) return decrypt(compact, decryptionKey);
  if (segments.length !== 3) {
    throw new Unreadable(
      'input.jwt',
      `a JWT has 3 dot-separated segments (5 when encrypted), this one has ${segments.length}`,
      { spec },
    );
  }
  const header = segmentJson(segments[0]!, 'header');
  const payload = segmentJson(segments[1]!, 'payload');
  return { compact, header, payload };
}

async function decrypt(compact: string, key: string | undefined): Promise<DecodedJwt> {
  const header = segmentJson(compact.split('.')[0]!, 'JWE header');
  const jweSpec = 'RFC 7516 (JWE); OpenID Connect Core §10.2 (encrypted ID Tokens)';
  if (!key) {
    throw new Unreadable(
      'input.jwe',
      `the token is encrypted (JWE, alg ${String(header.alg)}, enc ${String(header.enc)}): give the RP's decryption key (--key) to read it`,
      { spec: jweSpec },
    );
  }
  let plaintext: Uint8Array;
  try {
    const privateKey = await importPKCS8(key, String(header.alg ?? 'RSA-OAEP'));
    ({ plaintext } = await compactDecrypt(compact, privateKey));
  } catch (error) {
    throw new Unreadable(
      'input.jwe',
      `the token cannot be decrypted with the key given: ${describeError(error)}`,
      {
        spec: jweSpec,
        fix: {
          side: 'idp',
          text: "The OP encrypts for another key than the RP's current one: register the RP's current encryption key (jwks) at the OP.",
        },
      },
    );
  }
  const inner = Buffer.from(plaintext).toString('utf8').trim();
  if (inner.split('.').length === 3) {
    const decoded = await decodeJwt(inner, undefined);
    return { ...decoded, encryption: header };
  }
  try {
    return {
      compact: inner,
      header: { alg: 'none (encrypted only)' },
      payload: JSON.parse(inner) as Record<string, unknown>,
      encryption: header,
    };
  } catch {
    throw new Unreadable('input.jwe', 'the decrypted token is neither a JWS nor JSON claims', {
      spec: jweSpec,
    });
  }
}

function segmentJson(segment: string, what: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) {
    throw new Unreadable('input.jwt', `the token's ${what} is not base64url`, { spec });
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new Unreadable('input.jwt', `the token's ${what} is not base64url-encoded JSON`, { spec });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Unreadable('input.jwt', `the token's ${what} is not a JSON object`, { spec });
  }
  return value as Record<string, unknown>;
}
