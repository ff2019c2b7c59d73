import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { compactDecrypt, exportJWK, type JSONWebKeySet, type JWK } from 'jose';
import * as client from 'openid-client';
import type { OidcConnectionConfig } from '../config.ts';
import type { SpContext } from '../context.ts';
import { LoginRefused } from '../errors.ts';

const generateKeyPairAsync = promisify(generateKeyPair);

/** A compact JWE has five segments; a JWS three. */
export function isJwe(token: string): boolean {
  return token.split('.').length === 5;
}

/** An OIDC connection's endpoints at this SP. */
export interface OidcSettings {
  connection: string;
  config: OidcConnectionConfig;
  redirectUri: string;
  scopes: string[];
}

export function oidcSettings(spUrl: string, connection: string, config: OidcConnectionConfig): OidcSettings {
  return {
    connection,
    config,
    redirectUri: `${spUrl}/oidc/${encodeURIComponent(connection)}/callback`,
    scopes: config.scopes ?? ['openid', 'email', 'profile'],
  };
}

interface Cached<T> {
  value: T;
  fetchedAt: number;
}

/**
 * Discovery documents and JWKS, fetched when first needed and again when stale; the
 * JWKS also on demand, when an id_token names a key it does not have (rotation).
 */
export class OidcProviders {
  private readonly discovery = new Map<string, Cached<client.ServerMetadata>>();
  private readonly jwks = new Map<string, Cached<JSONWebKeySet>>();
  private readonly sp: SpContext;
  private encryptionKey: Promise<{ privateKey: KeyObject; publicJwk: JWK }> | undefined;

  constructor(sp: SpContext) {
    this.sp = sp;
  }

  /**
   * This SP's id_token encryption key (RSA, made at start), as the JWKS it publishes at
   * `/oidc/jwks` for IdPs that encrypt id_tokens to it (client metadata `jwks_uri`).
   */
  async encryptionJwks(): Promise<JSONWebKeySet> {
    return { keys: [(await this.encryption()).publicJwk] };
  }

  /**
   * The signed id_token inside a JWE encrypted to this SP's key (OIDC Core §10.2).
   *
   * @throws JOSEError when the JWE is for another key, or uses an algorithm not allowed here.
   */
  async decryptIdToken(jwe: string): Promise<string> {
    const { plaintext } = await compactDecrypt(jwe, (await this.encryption()).privateKey, {
      keyManagementAlgorithms: ['RSA-OAEP-256', 'RSA-OAEP'],
      contentEncryptionAlgorithms: ['A256GCM', 'A128GCM', 'A128CBC-HS256', 'A256CBC-HS512'],
    });
    return new TextDecoder().decode(plaintext);
  }

  private encryption(): Promise<{ privateKey: KeyObject; publicJwk: JWK }> {
    // Made off the event loop (libuv's pool), once: the SP keeps answering meanwhile.
    this.encryptionKey ??= generateKeyPairAsync('rsa', { modulusLength: 2048 }).then(
      async ({ privateKey, publicKey }) => ({
        privateKey,
        publicJwk: {
          ...(await exportJWK(publicKey)),
          kid: 'demo-sp-encryption',
          use: 'enc',
          alg: 'RSA-OAEP-256',
        },
      }),
    );
    return this.encryptionKey;
  }

  async metadata(
    settings: OidcSettings,
    options: { refresh?: boolean } = {},
  ): Promise<client.ServerMetadata> {
    const { config, connection } = settings;
    const url = config.discoveryUrl ?? `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const cached = this.discovery.get(url);
    if (cached && !options.refresh && this.fresh(cached)) return cached.value;
    const meta = (await getJson(url, connection, 'discovery document')) as client.ServerMetadata;
    if (typeof meta.issuer !== 'string' || typeof meta.authorization_endpoint !== 'string') {
      throw new LoginRefused(
        'response-invalid',
        `the discovery document at ${url} has no issuer or authorization_endpoint`,
        {
          status: 502,
          connection,
        },
      );
    }
    if (meta.issuer !== config.issuer && !this.sp.lax.has('oidc-issuer')) {
      throw new LoginRefused(
        'oidc-issuer',
        `the discovery document names the issuer ${meta.issuer}, not the configured ${config.issuer}`,
        { status: 502, connection },
      );
    }
    this.discovery.set(url, { value: meta, fetchedAt: this.sp.now() });
    return meta;
  }

  async keys(settings: OidcSettings, meta: client.ServerMetadata, refresh: boolean): Promise<JSONWebKeySet> {
    const url = meta.jwks_uri;
    if (!url) {
      throw new LoginRefused('id-token-signature', 'the IdP publishes no jwks_uri', {
        connection: settings.connection,
      });
    }
    const cached = this.jwks.get(url);
    if (cached && !refresh && this.fresh(cached)) return cached.value;
    // Lax: the first key set is kept for good, whatever kid a token names.
    if (cached && this.sp.lax.has('jwks-no-refresh')) return cached.value;
    const value = (await getJson(url, settings.connection, 'JWKS')) as JSONWebKeySet;
    if (!Array.isArray(value.keys)) {
      throw new LoginRefused('id-token-signature', `the JWKS at ${url} has no keys array`, {
        connection: settings.connection,
      });
    }
    this.jwks.set(url, { value, fetchedAt: this.sp.now() });
    return value;
  }

  /** An openid-client Configuration for one login, with the server metadata given. */
  configuration(
    settings: OidcSettings,
    meta: client.ServerMetadata,
    fetchImpl: typeof fetch,
  ): client.Configuration {
    const { config } = settings;
    const configuration = new client.Configuration(
      meta,
      config.clientId,
      {
        client_secret: config.clientSecret,
        // Only asymmetric signatures: openid-client otherwise trusts the algorithms the
        // server advertises, which may include "none" or HS256.
        id_token_signed_response_alg: ['RS256', 'ES256'] as unknown as string,
        [client.clockTolerance]: this.sp.skewSeconds,
      },
      client.ClientSecretBasic(config.clientSecret),
    );
    // The configured issuer decides: a lying discovery document may name an https one.
    if (config.issuer.startsWith('http:')) client.allowInsecureRequests(configuration);
    configuration[client.customFetch] = fetchImpl as client.CustomFetch;
    return configuration;
  }

  private fresh(entry: Cached<unknown>): boolean {
    return this.sp.now() - entry.fetchedAt <= this.sp.metadataMaxAgeSeconds * 1000;
  }
}

async function getJson(url: string, connection: string, what: string): Promise<unknown> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(10_000),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await response.json();
  } catch (error) {
    throw new LoginRefused('idp-unreachable', `the ${what} at ${url} could not be read: ${String(error)}`, {
      status: 502,
      connection,
      cause: error,
    });
  }
}
