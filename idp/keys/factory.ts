import {
  createHash,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  randomBytes,
  type webcrypto,
} from 'node:crypto';
import { promisify } from 'node:util';

/** `webcrypto.JsonWebKey`: the one name for it that every @types/node version exports. */
type JsonWebKey = webcrypto.JsonWebKey;

import { certificateBody, createCertificate } from './certificate.ts';
import { KeyError } from './errors.ts';
import {
  isKeyKindName,
  type KeyKind,
  type KeyKindName,
  type KeyPairName,
  keyKindNames,
  keyKinds,
  keyPairs,
} from './kinds.ts';
import { seededEcKey, seededRsaKey } from './seeded.ts';
import { type KeyOrigin, KeyStore } from './store.ts';

const generateKeyPairAsync = promisify(generateKeyPair);
const DAY = 24 * 3600 * 1000;
const YEAR = 365 * DAY;

/** One signing key with its certificate, ready for XML signatures and JWS. */
export interface KeyMaterial {
  provider: string;
  kind: KeyKindName;
  pair: KeyPairName;
  privateKey: KeyObject;
  publicKey: KeyObject;
  privateKeyPem: string;
  publicKeyPem: string;
  /** PEM certificate; absent for EC keys (JWK only). */
  certificatePem: string | undefined;
  /** Base64 DER of the certificate, as in ds:X509Certificate and x5c. */
  certificateBody: string | undefined;
  /** RFC 7638 thumbprint of the public key: stable, and unique per key pair. */
  kid: string;
  /** Public JWK with kid, alg and use. */
  jwk: JsonWebKey & { kid: string; alg: string; use: 'sig' };
  alg: 'RS256' | 'ES256';
}

export interface KeyFactoryOptions {
  /** Folder holding one subfolder per provider. */
  dir: string;
  /** Derive keys and certificates from this seed instead of randomness. */
  seed?: string | undefined;
  rsaBits: number;
  /** Start of seeded certificates' validity windows. */
  epoch: string;
}

/**
 * Makes each provider's keys on first use and keeps them: cached in memory, stored in
 * the key folder, stable across restarts, and (with a seed) identical across machines.
 * A corrupt or foreign file is an error, never a silent regeneration that would break
 * an SP which registered the old certificate.
 */
export class KeyFactory {
  private readonly store: KeyStore;
  private readonly options: KeyFactoryOptions;
  private readonly pairs = new Map<string, Promise<KeyObject>>();
  private readonly materials = new Map<string, Promise<KeyMaterial>>();
  private readonly origins = new Map<string, Promise<void>>();

  constructor(options: KeyFactoryOptions) {
    this.options = options;
    this.store = new KeyStore(options.dir);
  }

  get dir(): string {
    return this.options.dir;
  }

  /** The key material of one kind for one provider. */
  get(provider: string, kind: KeyKindName | string): Promise<KeyMaterial> {
    if (!isKeyKindName(kind)) {
      return Promise.reject(
        new KeyError(
          'KEY_KIND_UNKNOWN',
          `unknown key kind "${kind}"; known kinds: ${keyKindNames.join(', ')}`,
        ),
      );
    }
    const cacheKey = `${provider}/${kind}`;
    let material = this.materials.get(cacheKey);
    if (!material) {
      material = this.build(provider, kind);
      material.catch(() => this.materials.delete(cacheKey));
      this.materials.set(cacheKey, material);
    }
    return material;
  }

  private async build(provider: string, kind: KeyKindName): Promise<KeyMaterial> {
    await this.checkOrigin(provider);
    const spec: KeyKind = keyKinds[kind];
    const privateKey = await this.pair(provider, spec.pair);
    const publicKey = createPublicKey(privateKey);
    let certificatePem: string | undefined;
    if (spec.certificate) {
      certificatePem = await this.store.readCertificate(provider, kind, privateKey);
      if (!certificatePem) {
        certificatePem = this.issue(provider, kind, spec.certificate, privateKey);
        await this.store.writeCertificate(provider, kind, certificatePem);
      }
    }
    const jwkBase = publicKey.export({ format: 'jwk' });
    const kid = jwkThumbprint(jwkBase);
    const alg = jwkBase.kty === 'EC' ? 'ES256' : 'RS256';
    return {
      provider,
      kind,
      pair: spec.pair,
      privateKey,
      publicKey,
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      certificatePem,
      certificateBody: certificatePem ? certificateBody(certificatePem) : undefined,
      kid,
      jwk: { ...jwkBase, kid, alg, use: 'sig' },
      alg,
    };
  }

  private pair(provider: string, name: KeyPairName): Promise<KeyObject> {
    const cacheKey = `${provider}/${name}`;
    let key = this.pairs.get(cacheKey);
    if (!key) {
      key = this.loadOrCreatePair(provider, name);
      key.catch(() => this.pairs.delete(cacheKey));
      this.pairs.set(cacheKey, key);
    }
    return key;
  }

  private async loadOrCreatePair(provider: string, name: KeyPairName): Promise<KeyObject> {
    const stored = await this.store.readKey(provider, name);
    const spec = keyPairs[name];
    const bits = spec.bits === 'default' || spec.bits === undefined ? this.options.rsaBits : spec.bits;
    if (stored) {
      const details = stored.asymmetricKeyDetails;
      const fits = spec.type === 'ec' ? stored.asymmetricKeyType === 'ec' : details?.modulusLength === bits;
      if (!fits) {
        throw new KeyError(
          'KEY_FILE_FOREIGN',
          `${this.options.dir}/${provider}/${name}.key.pem is not a ${spec.type === 'ec' ? 'P-256' : `${bits}-bit RSA`} key; was keys.rsaBits changed? Restore the setting or delete the file`,
        );
      }
      return stored;
    }
    const key = await this.generate(provider, name, spec.type, bits);
    await this.store.writeKey(provider, name, key);
    return key;
  }

  private async generate(
    provider: string,
    name: string,
    type: 'rsa' | 'ec',
    bits: number,
  ): Promise<KeyObject> {
    const { seed } = this.options;
    if (seed) {
      return type === 'ec'
        ? seededEcKey(seed, `${provider}/${name}`)
        : seededRsaKey(seed, `${provider}/${name}`, bits);
    }
    if (type === 'ec') return (await generateKeyPairAsync('ec', { namedCurve: 'P-256' })).privateKey;
    return (await generateKeyPairAsync('rsa', { modulusLength: bits })).privateKey;
  }

  private issue(
    provider: string,
    kind: KeyKindName,
    spec: NonNullable<KeyKind['certificate']>,
    key: KeyObject,
  ): string {
    const { seed } = this.options;
    const epoch = seed ? Date.parse(this.options.epoch) : Date.now();
    const windows = {
      current: [epoch - DAY, epoch + 20 * YEAR],
      expired: [epoch - 2 * YEAR, epoch - YEAR],
      'not-yet-valid': [epoch + 20 * YEAR + DAY, epoch + 23 * YEAR],
    } as const;
    const [from, to] = windows[spec.validity];
    const serialHex = seed
      ? createHash('sha256').update(`${seed}|serial|${provider}|${kind}`).digest('hex').slice(0, 32)
      : randomBytes(16).toString('hex');
    return createCertificate({
      subjectKey: key,
      subject: { commonName: `sso-harness ${provider}`, organization: 'sso-harness test IdP' },
      notBefore: new Date(from),
      notAfter: new Date(to),
      hash: spec.hash,
      serialHex,
    });
  }

  /** Refuses a key folder made from another seed (or randomly when a seed is set now). */
  private checkOrigin(provider: string): Promise<void> {
    let check = this.origins.get(provider);
    if (!check) {
      check = this.verifyOrigin(provider);
      check.catch(() => this.origins.delete(provider));
      this.origins.set(provider, check);
    }
    return check;
  }

  private async verifyOrigin(provider: string): Promise<void> {
    const expected: KeyOrigin = {
      format: 'sso-harness/keys@1',
      provider,
      origin: this.options.seed
        ? `seed:${createHash('sha256').update(this.options.seed).digest('hex').slice(0, 16)}`
        : 'random',
      rsaBits: this.options.rsaBits,
    };
    const found = await this.store.readOrigin(provider);
    if (!found) {
      await this.store.writeOrigin(expected);
      return;
    }
    if (found.origin !== expected.origin) {
      throw new KeyError(
        'KEY_FILE_FOREIGN',
        `the keys in ${this.options.dir}/${provider} were made ${describeOrigin(found.origin)}, but the config now asks for keys ${describeOrigin(expected.origin)}. Restore keys.seed, or delete that folder to make new keys (SPs must then register the new certificate).`,
      );
    }
  }
}

function describeOrigin(origin: string): string {
  return origin === 'random' ? 'at random' : `from a seed (${origin})`;
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url). */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
