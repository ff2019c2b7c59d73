import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TargetConfig } from '../config/schema.ts';
import { writeFileAtomic } from '../lib/fs.ts';
import { RunnerError } from './errors.ts';

/**
 * A JSON file of named records in the state folder. Writes are atomic and one at a
 * time, so a crash or two quick saves never leave half a file.
 */
export class RecordFile<T> {
  readonly path: string;
  private readonly schema: string;
  private records: Map<string, T> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(path: string, schema: string) {
    this.path = path;
    this.schema = schema;
  }

  async list(): Promise<Array<[string, T]>> {
    return [...(await this.load()).entries()];
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.load()).get(id);
  }

  async put(id: string, record: T): Promise<void> {
    (await this.load()).set(id, record);
    await this.save();
  }

  async remove(id: string): Promise<boolean> {
    const removed = (await this.load()).delete(id);
    if (removed) await this.save();
    return removed;
  }

  private async load(): Promise<Map<string, T>> {
    if (this.records) return this.records;
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.records = new Map();
      return this.records;
    }
    let parsed: { schema?: unknown; records?: unknown };
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new RunnerError(
        'BAD_OPTION',
        `${this.path} is not valid JSON (${(error as Error).message}); fix or delete it`,
      );
    }
    if (parsed.schema !== this.schema || typeof parsed.records !== 'object' || parsed.records === null) {
      throw new RunnerError(
        'BAD_OPTION',
        `${this.path} is not a ${this.schema} file; move it away or delete it`,
      );
    }
    this.records = new Map(Object.entries(parsed.records as Record<string, T>));
    return this.records;
  }

  private save(): Promise<void> {
    const next = this.writing.then(() =>
      writeFileAtomic(
        this.path,
        `${JSON.stringify({ schema: this.schema, records: Object.fromEntries(this.records ?? []) }, null, 2)}\n`,
      ),
    );
    this.writing = next.catch(() => {});
    return next;
  }
}

/** An SP the UI registered with a SAML provider from its metadata, restored on start. */
export interface SavedSpRegistration {
  provider: string;
  /** Name of the SP within the provider. */
  name: string;
  /** The SP's metadata (imported), or absent when it was described by hand. */
  metadataXml?: string | undefined;
  /** Settings as under `sps` in the config (entityId, acsUrls) when described by hand. */
  settings?: { entityId: string; acsUrls: string[] } | undefined;
  /** Where the SP's description came from, for people. */
  source: 'url' | 'upload' | 'paste' | 'manual';
  metadataUrl?: string | undefined;
}

export interface SavedTarget {
  target: TargetConfig;
  savedAt: string;
  /** Present when the target was made by importing SP metadata. */
  sp?: SavedSpRegistration | undefined;
}

/** Targets made in the UI, in `<stateDir>/targets.json`; the config's own targets are never stored here. */
export class TargetsStore extends RecordFile<SavedTarget> {
  constructor(stateDir: string) {
    super(join(stateDir, 'targets.json'), 'sso-harness/targets@1');
  }
}
