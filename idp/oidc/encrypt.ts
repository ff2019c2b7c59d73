import { createPublicKey, type KeyObject } from 'node:crypto';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { IdpError } from '../errors.ts';
import { outboundFetch } from './outbound.ts';
import type { OidcRuntime } from './runtime.ts';
import type { IdTokenEncryption } from './stages.ts';
import { UNTRUSTED_KIND } from './untrusted-keys.ts';

/**
 * Encrypts a signed id_token into a compact JWE (a nested JWT, OIDC Core §10.2 and
 * RFC 7519 §5.2: `cty: JWT`). `to: client` uses the RSA encryption key the client
 * publishes at its configured `jwksUri`, fetched each time (an SP restarted with a new
 * key is not a stale cache); `to: other` uses a key the client cannot have.
 *
 * @throws IdpError INTERNAL when the client has no jwksUri or publishes no RSA key for encryption.
 */
export async function encryptIdToken(
  runtime: OidcRuntime,
  clientId: string | undefined,
  token: string,
  encryption: IdTokenEncryption,
): Promise<string> {
  const { key, kid } =
    encryption.to === 'client'
      ? await clientEncryptionKey(runtime, clientId, encryption.alg)
      : await untrustedKey(runtime);
  return new CompactEncrypt(new TextEncoder().encode(token))
    .setProtectedHeader({
      alg: encryption.alg,
      enc: encryption.enc,
      cty: 'JWT',
      ...(kid ? { kid } : {}),
    })
    .encrypt(key);
}

async function untrustedKey(runtime: OidcRuntime): Promise<{ key: KeyObject; kid: string }> {
  const material = await runtime.context.keys.get(runtime.id, UNTRUSTED_KIND);
  return { key: createPublicKey(material.privateKey), kid: material.kid };
}

async function clientEncryptionKey(
  runtime: OidcRuntime,
  clientId: string | undefined,
  alg: string,
): Promise<{ key: KeyObject | Uint8Array | CryptoKey; kid: string | undefined }> {
  const uri = clientId ? runtime.config.clients[clientId]?.jwksUri : undefined;
  if (!uri) {
    throw new IdpError(
      'INTERNAL',
      500,
      `cannot encrypt the id_token to client "${clientId ?? '(unknown)'}": it has no jwksUri; set providers.${runtime.id}.clients.<id>.jwksUri to where the client publishes its encryption key`,
    );
  }
  let keys: JWK[];
  try {
    const response = await outboundFetch(uri, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    keys = ((await response.json()) as { keys?: JWK[] }).keys ?? [];
  } catch (error) {
    throw new IdpError('INTERNAL', 500, `cannot read the client's JWKS at ${uri}: ${String(error)}`);
  }
  const jwk = keys.find((k) => k.kty === 'RSA' && (k.use === undefined || k.use === 'enc'));
  if (!jwk) {
    throw new IdpError(
      'INTERNAL',
      500,
      `the client's JWKS at ${uri} has no RSA key for encryption (use "enc")`,
    );
  }
  return { key: await importJWK(jwk, alg), kid: jwk.kid };
}
