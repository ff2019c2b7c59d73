import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZooError } from './errors.ts';
import type { RunningZooSp } from './types.ts';

/** What `startSpProcess` launches: one zoo SP in its own process. */
export interface SpProcessOptions {
  /** The zoo SP's id, for messages. */
  id: string;
  /** The executable (Node for an npm SP's `main.ts`, the `start` script of a Debian one); no shell. */
  command: string;
  args: string[];
  port: number;
  /**
   * The library's installed version, resolved before spawning (see installed.ts); its
   * `LIBRARY_MISSING` error is passed on unchanged.
   */
  version: () => string | Promise<string>;
  /** Added to the child's environment (e.g. `ZOO_HARDENED`). */
  env?: Readonly<Record<string, string>> | undefined;
  /** How long to wait until the SP is ready, in ms (default 20 000). */
  readyTimeoutMs?: number | undefined;
  /** Receives the SP's stdout and stderr lines (default: only the last 30 are kept, for errors). */
  log?: ((line: string) => void) | undefined;
}

/** The line an SP may print on stdout once it listens: `ready http://127.0.0.1:<port>`. */
export const READY_PREFIX = 'ready ';

const OUTPUT_LINES_KEPT = 30;
/** How long an SP may take to exit after SIGTERM before it gets SIGKILL, in ms. */
const EXIT_TIMEOUT_MS = 5_000;

/**
 * Starts a zoo SP in a child process (it shares nothing with the caller's process) and
 * resolves once it is ready: it printed its ready line, or `http://127.0.0.1:<port>/` answers
 * any HTTP status (the Debian SPs' servers print their own banners).
 *
 * @throws ZooError `LIBRARY_MISSING` before spawning when the library is not installed;
 *   `START_FAILED` when the process exits (or cannot be spawned) before it is ready, with the
 *   end of its output; `START_TIMEOUT` when it is not ready within `readyTimeoutMs` (it is killed).
 */
export async function startSpProcess(options: SpProcessOptions): Promise<RunningZooSp> {
  const version = await options.version();
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(options.command, options.args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const output: string[] = [];
  let printedReady = false;
  const keep = (line: string) => {
    output.push(line);
    if (output.length > OUTPUT_LINES_KEPT) output.shift();
    options.log?.(`[${options.id}] ${line}`);
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line.startsWith(READY_PREFIX)) printedReady = true;
    else keep(line);
  });
  createInterface({ input: child.stderr! }).on('line', keep);
  let gone: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      gone ??= signal ?? `code ${code}`;
      resolve();
    });
    child.once('error', (error) => {
      gone ??= error.message;
      resolve();
    });
  });

  const timeoutMs = options.readyTimeoutMs ?? 20_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone !== undefined) {
      process.off('exit', killOnExit);
      throw new ZooError(
        'START_FAILED',
        `zoo SP ${options.id} exited (${gone}) before it was ready; its output:\n${output.join('\n')}`,
      );
    }
    if (printedReady || (await answers(url))) break;
    if (Date.now() > deadline) {
      await stop(child, exited);
      process.off('exit', killOnExit);
      throw new ZooError(
        'START_TIMEOUT',
        `zoo SP ${options.id} was not ready on ${url} within ${timeoutMs} ms; its output:\n${output.join('\n')}`,
      );
    }
    await sleep(50);
  }
  return {
    url,
    version,
    async close() {
      await stop(child, exited);
      process.off('exit', killOnExit);
    },
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
