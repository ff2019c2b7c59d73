import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ZooError } from './errors.ts';
import { installedNpmVersion } from './installed.ts';
import type { RunningZooSp } from './types.ts';

/** What `startSpProcess` launches: one zoo SP's `main.ts` in its own Node process. */
export interface SpProcessOptions {
  /** The zoo SP's id, for messages. */
  id: string;
  /** Absolute path of the SP's entry file (`main.ts`). */
  main: string;
  /** Arguments after the entry file (`--port`, `--harness`, ...). */
  args: string[];
  /** The npm package whose installed version is reported. */
  packageName: string;
  port: number;
  /** How long to wait for the ready line, in ms (default 20 000). */
  readyTimeoutMs?: number | undefined;
  /** Receives the SP's stderr and stdout lines after it is ready (default: dropped). */
  log?: ((line: string) => void) | undefined;
}

/** The line an SP prints on stdout once it listens: `ready http://127.0.0.1:<port>`. */
export const READY_PREFIX = 'ready ';

const STDERR_LINES_KEPT = 30;

/**
 * Starts a zoo SP in a child process (it shares nothing with the caller's process) and
 * resolves once it printed its ready line, so it answers HTTP.
 *
 * @throws ZooError `LIBRARY_MISSING` before spawning when the package is not installed;
 *   `START_FAILED` when the process exits before it is ready (with the end of its stderr);
 *   `START_TIMEOUT` when it is not ready within `readyTimeoutMs` (the process is killed).
 */
export async function startSpProcess(options: SpProcessOptions): Promise<RunningZooSp> {
  const version = installedNpmVersion(options.packageName);
  const child = spawn(process.execPath, [options.main, ...options.args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > STDERR_LINES_KEPT) stderr.shift();
    options.log?.(line);
  });
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitForReady(child, options, () => stderr.join('\n'));
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    process.off('exit', killOnExit);
    throw error;
  }
  return {
    url,
    version,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
    },
  };
}

function waitForReady(child: ChildProcess, options: SpProcessOptions, stderr: () => string): Promise<void> {
  const timeoutMs = options.readyTimeoutMs ?? 20_000;
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(
      () =>
        reject(
          new ZooError(
            'START_TIMEOUT',
            `zoo SP ${options.id} did not print "${READY_PREFIX}<url>" within ${timeoutMs} ms; its stderr:\n${stderr()}`,
          ),
        ),
      timeoutMs,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready && line.startsWith(READY_PREFIX)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      } else {
        options.log?.(line);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready)
        reject(
          new ZooError(
            'START_FAILED',
            `zoo SP ${options.id} exited (${signal ?? `code ${code}`}) before it was ready; its stderr:\n${stderr()}`,
          ),
        );
    });
  });
}
