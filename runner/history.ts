import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/fs.ts';
import type { RunRecord, RunSummary } from './types.ts';

export interface RunListing {
  id: string;
  status: RunRecord['status'];
  startedAt: string;
  finishedAt?: string | undefined;
  targets: string[];
  driver: string;
  summary: RunSummary;
}

/** Past runs, one JSON file each under `<stateDir>/runs/`, written atomically. */
export class RunHistory {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'runs');
  }

  async save(record: RunRecord): Promise<void> {
    await writeFileAtomic(join(this.dir, `${record.id}.json`), JSON.stringify(record));
  }

  async get(id: string): Promise<RunRecord | undefined> {
    if (!/^[\w.-]+$/.test(id)) return undefined;
    try {
      return markInterrupted(JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as RunRecord);
    } catch {
      return undefined;
    }
  }

  /** Newest first. A run left 'running' by a process that is gone reads as interrupted. */
  async list(): Promise<RunListing[]> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const records = await Promise.all(files.map((f) => this.get(f.slice(0, -5))));
    return records
      .filter((r): r is RunRecord => r !== undefined)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .map((r) => ({
        id: r.id,
        status: r.status,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        targets: r.options.targets,
        driver: r.options.driver,
        summary: r.summary,
      }));
  }
}

function markInterrupted(record: RunRecord): RunRecord {
  if (record.status === 'running' && !processAlive(record.pid)) return { ...record, status: 'interrupted' };
  return record;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
