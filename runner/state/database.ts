import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describeError } from '../../lib/errors.ts';
import { migrateStateFiles } from './migrate.ts';

/** One problem with the state found on start or on read, for the log and the UI. */
export interface StateNotice {
  id: number;
  at: string;
  /** The file (or database row) concerned. */
  file: string;
  message: string;
}

const schema = `
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  pid INTEGER,
  head TEXT NOT NULL,
  bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS runs_by_start ON runs (started_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS results (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  position INTEGER NOT NULL,
  json TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  PRIMARY KEY (run_id, key)
);
CREATE TABLE IF NOT EXISTS records (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  file TEXT NOT NULL,
  message TEXT NOT NULL
);
`;

/**
 * The state folder's database (`<stateDir>/state.db`, SQLite in WAL mode through
 * node:sqlite): run history, results, saved targets, reproductions and state notices.
 * Each write is its own transaction, committed when the statement returns, so a result
 * saved as it completes survives `kill -9`. One connection per folder and process;
 * `serve` and `run` in two processes share the file (WAL lets readers and one writer
 * work at once).
 *
 * On first open, the file-per-record state of earlier versions (runs/*.json,
 * targets.json, reproductions.json) is imported; a file that does not validate is moved
 * to `<stateDir>/quarantine/` with a log line and a notice the UI shows.
 */
export class StateDatabase {
  readonly file: string;
  readonly stateDir: string;
  readonly db: DatabaseSync;
  private readonly log: (line: string) => void;

  private constructor(stateDir: string, log: (line: string) => void) {
    this.stateDir = stateDir;
    this.file = join(stateDir, 'state.db');
    this.log = log;
    mkdirSync(stateDir, { recursive: true });
    this.db = this.openFile();
    migrateStateFiles(this);
  }

  private static readonly open = new Map<string, StateDatabase>();

  /** The database of a state folder, opened (and migrated) on first use in this process. */
  static of(stateDir: string, log: (line: string) => void = (line) => console.error(line)): StateDatabase {
    const key = resolve(stateDir);
    let found = StateDatabase.open.get(key);
    if (!found?.db.isOpen) {
      found = new StateDatabase(key, log);
      StateDatabase.open.set(key, found);
    }
    return found;
  }

  /** Closes every open state database (tests that delete their state folder). */
  static closeAll(): void {
    for (const state of StateDatabase.open.values()) if (state.db.isOpen) state.db.close();
    StateDatabase.open.clear();
  }

  private openFile(): DatabaseSync {
    try {
      return this.prepare(new DatabaseSync(this.file, { timeout: 5000 }));
    } catch (error) {
      // Not a database (truncated, overwritten): keep it for a person to look at, start anew.
      const moved = this.moveToQuarantine(this.file);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(this.file + suffix)) this.moveToQuarantine(this.file + suffix);
      }
      const db = this.prepare(new DatabaseSync(this.file, { timeout: 5000 }));
      this.recordNotice(
        db,
        this.file,
        `${this.file} could not be opened (${describeError(error)}); it was moved to ${moved} and an empty history started`,
      );
      return db;
    }
  }

  private prepare(db: DatabaseSync): DatabaseSync {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    db.exec(schema);
    db.prepare('SELECT count(*) FROM runs').get();
    return db;
  }

  /** Records a problem with a state file: a log line now, a notice for the UI. */
  notice(file: string, message: string): void {
    this.recordNotice(this.db, file, message);
  }

  private recordNotice(db: DatabaseSync, file: string, message: string): void {
    this.log(`warning: ${message}`);
    db.prepare('INSERT INTO notices (at, file, message) VALUES (?, ?, ?)').run(
      new Date().toISOString(),
      file,
      message,
    );
  }

  /** Notices, newest first. */
  notices(limit = 50): StateNotice[] {
    return this.db
      .prepare('SELECT id, at, file, message FROM notices ORDER BY id DESC LIMIT ?')
      .all(limit) as unknown as StateNotice[];
  }

  dismissNotices(): void {
    this.db.exec('DELETE FROM notices');
  }

  /** Moves a file into `<stateDir>/quarantine/`, returning where it went. */
  moveToQuarantine(path: string): string {
    const folder = join(this.stateDir, 'quarantine');
    mkdirSync(folder, { recursive: true });
    const name = path.slice(path.lastIndexOf('/') + 1);
    const target = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}`);
    renameSync(path, target);
    return target;
  }

  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const value = work();
      this.db.exec('COMMIT');
      return value;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Lists `*.json` files of a folder, or none when it does not exist. */
export function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
