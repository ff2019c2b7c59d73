import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningZooSp } from './types.ts';

/** How long a specimen may take to answer HTTP after it was spawned. */
const READY_TIMEOUT_MS = 20_000;
/** How long a specimen may take to exit after SIGTERM before it gets SIGKILL. */
const EXIT_TIMEOUT_MS = 5_000;
/** How much of the process's output is kept for error messages. */
const OUTPUT_TAIL_CHARS = 4_000;

export interface SpawnZooSpOptions {
  /** The specimen's id, for messages. */
  id: string;
  /** The executable (the specimen's `start` script) and its arguments; no shell. */
  command: string;
  args: string[];
  port: number;
  /** The specimen's installed version, reported back as `RunningZooSp.version`. */
  version: string;
  /** Receives the process's output lines (default: kept only for error messages). */
  log?: ((line: string) => void) | undefined;
}

/**
 * Spawns a specimen's process, resolves once `http://127.0.0.1:<port>/` answers any HTTP
 * status, and returns a handle whose `close()` sends SIGTERM and waits for the exit.
 *
 * @throws Error when the process exits before it answers, or does not answer within 20 s
 *   (the message carries the tail of its output).
 */
export async function spawnZooSp(options: SpawnZooSpOptions): Promise<RunningZooSp> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(options.command, options.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-OUTPUT_TAIL_CHARS);
    if (options.log) for (const line of text.split('\n')) if (line) options.log(`[${options.id}] ${line}`);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (true) {
    if (gone) {
      const why = spawnError ? spawnError.message : `exited with ${describeExit(child)}`;
      throw new Error(`${options.id} SP did not start (${why}):\n${output.trim()}`);
    }
    if (await answers(url)) break;
    if (Date.now() > deadline) {
      await stop(child, exited);
      throw new Error(
        `${options.id} SP did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output.trim()}`,
      );
    }
    await sleep(100);
  }
  return {
    url,
    version: options.version,
    close: () => stop(child, exited),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { redirect: 'manual', signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function describeExit(child: ChildProcess): string {
  return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
}

/**
 * The installed version of Debian packages, as `dpkg-query` reports it (e.g. `7.0.1-2`),
 * checked in order; resolves the first package's version.
 *
 * @throws Error "install the Debian package X (examples/sp-zoo/install.sh)" naming the
 *   first package that is not installed.
 */
export async function debianPackageVersion(packages: readonly [string, ...string[]]): Promise<string> {
  const versions: string[] = [];
  for (const name of packages) {
    const version = await dpkgVersion(name);
    if (!version) throw new Error(`install the Debian package ${name} (examples/sp-zoo/install.sh)`);
    versions.push(version);
  }
  return versions[0]!;
}

function dpkgVersion(name: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own --showformat fields
    execFile('dpkg-query', ['-W', '-f', '${db:Status-Status} ${Version}', name], (error, stdout) => {
      if (error) return resolve(undefined);
      const [status, version] = stdout.trim().split(' ');
      resolve(status === 'installed' && version ? version : undefined);
    });
  });
}
