import type { z } from 'zod';
import type { TargetConfig } from '../config/schema.ts';
import { StateDatabase } from './state/database.ts';
import { describeIssues, savedTargetShape } from './state/shapes.ts';

/**
 * Named records of one kind in the state database (saved targets, reproductions). Each
 * write is committed when it returns. A stored record that no longer validates is left
 * out with a notice naming the database and the record, never handed to a caller.
 */
export class RecordStore<T> {
  readonly state: StateDatabase;
  private readonly kind: string;
  private readonly shape: z.ZodType;

  constructor(stateDir: string, kind: string, shape: z.ZodType, log?: (line: string) => void) {
    this.state = StateDatabase.of(stateDir, log);
    this.kind = kind;
    this.shape = shape;
  }

  /** Where the records are kept, for messages. */
  get path(): string {
    return this.state.file;
  }

  async list(): Promise<Array<[string, T]>> {
    const rows = this.state.db
      .prepare('SELECT id, json FROM records WHERE kind = ? ORDER BY id')
      .all(this.kind) as Array<{ id: string; json: string }>;
    return rows.flatMap(({ id, json }) => {
      const record = this.read(id, json);
      return record === undefined ? [] : [[id, record] as [string, T]];
    });
  }

  async get(id: string): Promise<T | undefined> {
    const row = this.state.db
      .prepare('SELECT json FROM records WHERE kind = ? AND id = ?')
      .get(this.kind, id) as { json: string } | undefined;
    return row ? this.read(id, row.json) : undefined;
  }

  async put(id: string, record: T): Promise<void> {
    this.state.db
      .prepare('INSERT OR REPLACE INTO records (kind, id, json) VALUES (?, ?, ?)')
      .run(this.kind, id, JSON.stringify(record));
  }

  async remove(id: string): Promise<boolean> {
    const { changes } = this.state.db
      .prepare('DELETE FROM records WHERE kind = ? AND id = ?')
      .run(this.kind, id);
    return Number(changes) > 0;
  }

  private read(id: string, json: string): T | undefined {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      this.state.notice(
        this.state.file,
        `${this.state.file}: saved ${this.kind} record "${id}" is not valid JSON (${(error as Error).message}); left out`,
      );
      return undefined;
    }
    const checked = this.shape.safeParse(value);
    if (!checked.success) {
      this.state.notice(
        this.state.file,
        `${this.state.file}: saved ${this.kind} record "${id}" is not valid (${describeIssues(checked.error)}); left out`,
      );
      return undefined;
    }
    return checked.data as T;
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

/** Targets made in the UI, in the state database; the config's own targets are never stored here. */
export class TargetsStore extends RecordStore<SavedTarget> {
  constructor(stateDir: string, log?: (line: string) => void) {
    super(stateDir, 'targets', savedTargetShape, log);
  }
}
