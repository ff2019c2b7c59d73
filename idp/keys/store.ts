import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../lib/fs.ts';
import { KeyError } from './errors.ts';

/**
 * Files of one provider's keys: `<dir>/<provider>/<pair>.key.pem` (PKCS#8),
 * `<kind>.cert.pem`, and `origin.json` saying how they were made. Plain PEM so the
 * folder can be committed and a certificate handed to an SP administrator as it is.
 */
export interface KeyOrigin {
  format: 'sso-harness/keys@1';
  provider: string;
  /** 'random', or a hash of the seed (never the seed itself). */
  origin: string;
  rsaBits: number;
}

export class KeyStore {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  private path(provider: string, file: string): string {
    return join(this.dir, provider, file);
  }

  async readOrigin(provider: string): Promise<KeyOrigin | undefined> {
    const file = this.path(provider, 'origin.json');
    const text = await readOptional(file);
    if (text === undefined) return undefined;
    let parsed: Partial<KeyOrigin>;
    try {
      parsed = JSON.parse(text) as Partial<KeyOrigin>;
    } catch (error) {
      throw new KeyError(
        'KEY_FILE_CORRUPT',
        `${file} is not valid JSON; restore it or delete the folder`,
        error,
      );
    }
    if (parsed.format !== 'sso-harness/keys@1' || parsed.provider !== provider) {
      throw new KeyError(
        'KEY_FILE_FOREIGN',
        `${file} does not describe the keys of provider "${provider}" (found ${JSON.stringify(parsed.provider)}); is keys.dir shared with another project?`,
      );
    }
    return parsed as KeyOrigin;
  }

  async writeOrigin(origin: KeyOrigin): Promise<void> {
    await writeFileAtomic(this.path(origin.provider, 'origin.json'), `${JSON.stringify(origin, null, 2)}\n`);
  }

  async readKey(provider: string, pair: string): Promise<KeyObject | undefined> {
    const file = this.path(provider, `${pair}.key.pem`);
    const text = await readOptional(file);
    if (text === undefined) return undefined;
    try {
      return createPrivateKey(text);
    } catch (error) {
      throw new KeyError(
        'KEY_FILE_CORRUPT',
        `${file} is not a readable private key; restore it from version control or delete it (an SP that registered the old certificate will stop trusting the IdP)`,
        error,
      );
    }
  }

  async writeKey(provider: string, pair: string, key: KeyObject): Promise<void> {
    const pem = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFileAtomic(this.path(provider, `${pair}.key.pem`), pem, { mode: 0o600 });
  }

  /** Reads a certificate and checks that it carries the given key. */
  async readCertificate(provider: string, kind: string, key: KeyObject): Promise<string | undefined> {
    const file = this.path(provider, `${kind}.cert.pem`);
    const text = await readOptional(file);
    if (text === undefined) return undefined;
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(text);
    } catch (error) {
      throw new KeyError('KEY_FILE_CORRUPT', `${file} is not a readable PEM certificate`, error);
    }
    if (!cert.checkPrivateKey(key)) {
      throw new KeyError(
        'KEY_FILE_FOREIGN',
        `${file} does not match the private key next to it; restore both files together or delete the folder`,
      );
    }
    return text;
  }

  async writeCertificate(provider: string, kind: string, pem: string): Promise<void> {
    await writeFileAtomic(this.path(provider, `${kind}.cert.pem`), pem);
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
