import { type SamlSpConfig, samlSpSchema } from '../../../config/schema.ts';
import { describeError } from '../../../lib/errors.ts';
import { IdpError } from '../../errors.ts';
import { parseSpMetadata } from './metadata.ts';
import { resolveServiceProvider } from './resolve.ts';
import type { ServiceProvider } from './types.ts';

/** How long a failed metadata URL is left alone before it is tried again. */
const RETRY_AFTER_MS = 5000;

interface Entry {
  name: string;
  config: SamlSpConfig;
  metadataXml: string | undefined;
  sp: ServiceProvider | undefined;
  error: string | undefined;
  triedAt: number;
}

/** What the UI shows of an SP that could not be resolved (metadata URL down, ...). */
export interface SpProblem {
  name: string;
  error: string;
}

/**
 * The SPs one provider knows, by name. Mutable at run time (the UI adds SPs from
 * uploaded metadata); an SP whose metadata URL cannot be fetched yet is retried on the
 * next lookup instead of stopping the server.
 */
export class SpRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly baseDir: string;
  private readonly log: (line: string) => void;

  constructor(options: { baseDir: string; log: (line: string) => void }) {
    this.baseDir = options.baseDir;
    this.log = options.log;
  }

  /** Loads the configured SPs. A bad metadata file throws; an unreachable URL is retried later. */
  async load(sps: Record<string, SamlSpConfig>): Promise<void> {
    for (const [name, config] of Object.entries(sps)) {
      const entry: Entry = {
        name,
        config,
        metadataXml: undefined,
        sp: undefined,
        error: undefined,
        triedAt: 0,
      };
      this.entries.set(name, entry);
      try {
        await this.resolve(entry);
      } catch (error) {
        if (!config.metadataUrl || config.metadataFile) throw error;
        this.log(`warning: ${describeError(error)}; will try again on the next request`);
      }
    }
  }

  /** Resolved SPs, in registration order. */
  list(): ServiceProvider[] {
    return [...this.entries.values()].flatMap((e) => (e.sp ? [e.sp] : []));
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  problems(): SpProblem[] {
    return [...this.entries.values()].flatMap((e) =>
      e.error && !e.sp ? [{ name: e.name, error: e.error }] : [],
    );
  }

  async get(name: string): Promise<ServiceProvider | undefined> {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    await this.retry(entry);
    return entry.sp;
  }

  async findByEntityId(entityId: string): Promise<ServiceProvider | undefined> {
    for (const entry of this.entries.values()) await this.retry(entry);
    return this.list().find((sp) => sp.entityId === entityId);
  }

  /**
   * Adds or replaces an SP. `config` is what you would write under `sps` in the config;
   * `metadataXml` (an upload) takes the place of a metadata file or URL.
   */
  async put(name: string, input: unknown, options: { metadataXml?: string } = {}): Promise<ServiceProvider> {
    let raw = input ?? {};
    if (
      options.metadataXml !== undefined &&
      typeof raw === 'object' &&
      !('entityId' in raw && raw.entityId)
    ) {
      // The uploaded metadata names the entity; settings may still override the rest.
      raw = {
        ...raw,
        entityId: parseSpMetadata(options.metadataXml, { source: `metadata of SP "${name}"` }).entityId,
      };
    }
    const parsed = samlSpSchema.safeParse(raw);
    if (!parsed.success) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `invalid settings for SP "${name}": ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      );
    }
    const entry: Entry = {
      name,
      config: parsed.data,
      metadataXml: options.metadataXml,
      sp: undefined,
      error: undefined,
      triedAt: 0,
    };
    await this.resolve(entry);
    this.entries.set(name, entry);
    return entry.sp!;
  }

  remove(name: string): boolean {
    return this.entries.delete(name);
  }

  private async resolve(entry: Entry): Promise<void> {
    entry.triedAt = Date.now();
    try {
      entry.sp = await resolveServiceProvider(entry.name, entry.config, {
        baseDir: this.baseDir,
        metadataXml: entry.metadataXml,
      });
      entry.error = undefined;
    } catch (error) {
      entry.error = describeError(error);
      throw error;
    }
  }

  private async retry(entry: Entry): Promise<void> {
    if (entry.sp || Date.now() - entry.triedAt < RETRY_AFTER_MS) return;
    try {
      await this.resolve(entry);
    } catch (error) {
      this.log(`warning: ${describeError(error)}`);
    }
  }
}
