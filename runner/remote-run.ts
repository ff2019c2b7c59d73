import { describeError } from '../lib/errors.ts';
import type { RunEvent, RunStarted } from './api/types.ts';
import { RunnerError } from './errors.ts';
import { parseReporters } from './reporters/index.ts';
import { ReporterMultiplexer } from './reporters/multiplexer.ts';
import type { RunCommandOptions } from './run-command.ts';
import type { RunRecord } from './types.ts';

/**
 * `sso-harness run --harness-url URL`: the run happens in an already running
 * `sso-harness serve` (its `POST /api/runs`), with its config, targets and history; this
 * process only follows the run's live events (for the list reporter's lines) and then
 * feeds the whole run record to the reporters, so the JSON, JUnit and HTML outputs are the
 * same as for a run in-process.
 *
 * @returns the exit code: 0 all passed, 1 something failed or errored.
 * @throws RunnerError `HARNESS_UNREACHABLE` when nothing answers at the URL, `BAD_OPTION`
 *   for options the server cannot honour (several targets, --shard) or a refused request.
 */
export async function runRemote(options: RunCommandOptions & { harnessUrl: string }): Promise<number> {
  const base = parseBase(options.harnessUrl);
  for (const [flag, value] of [
    ['--shard', options.shard],
    ['--workers', options.workers],
    ['--timeout', options.timeout],
    ['--lax', options.lax],
    ['--trace', options.trace],
    ['--config', options.config],
    ['--port', options.port],
    ['--demo-sp-port', options.demoSpPort],
    ['--state-dir', options.stateDir],
  ] as const) {
    if (value !== undefined) {
      throw new RunnerError(
        'BAD_OPTION',
        `${flag} cannot be used with --harness-url: the running harness has its own config and settings`,
      );
    }
  }
  const reporters = new ReporterMultiplexer(parseReporters(options.reporter ?? 'list'));
  const target = await chooseTarget(base, options.target);
  const filtered = Boolean(options.grep || options.tag?.length || options.protocol || options.suite);
  const started = await api<RunStarted>(base, '/api/runs', {
    method: 'POST',
    body: {
      target,
      driver: options.driver ?? 'http',
      screenshots: options.screenshots,
      suite: options.suite,
      tags: options.tag,
      protocol: options.protocol,
      // The API wants a choice; no filter means the whole catalog, as in-process.
      grep: options.grep ?? (filtered ? undefined : '.'),
    },
  });
  let ended = false;
  for await (const event of runEvents(base, started.id)) {
    if (event.type === 'begin') await reporters.onBegin(event.info);
    if (event.type === 'result') {
      // Live lines need only the summary; the whole results (HTTP steps, trace) come with the
      // record at the end, for the reporters that write files.
      const { hasScreenshot: _shown, ...summary } = event.result;
      await reporters.onResult({ ...summary, http: [], trace: [] }, event.progress);
    }
    if (event.type === 'end') {
      ended = true;
      break;
    }
  }
  const record = await api<RunRecord>(base, `/api/runs/${encodeURIComponent(started.id)}`);
  await reporters.onEnd(record);
  if (!ended) {
    throw new RunnerError(
      'HARNESS_UNREACHABLE',
      `the harness at ${base} stopped before run ${record.id} ended`,
    );
  }
  return record.summary.failed + record.summary.errored > 0 || record.status === 'interrupted' ? 1 : 0;
}

function parseBase(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RunnerError(
      'BAD_OPTION',
      `--harness-url expects a URL such as http://127.0.0.1:7000, got "${text}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RunnerError('BAD_OPTION', `--harness-url must be http(s), got "${text}"`);
  }
  return url.href.replace(/\/$/, '');
}

async function chooseTarget(base: string, named: string[] | undefined): Promise<string> {
  if (named && named.length > 1) {
    throw new RunnerError(
      'BAD_OPTION',
      'with --harness-url, run one target at a time (--target NAME); the server runs one target per run',
    );
  }
  if (named?.length === 1) return named[0]!;
  const targets = await api<Array<{ id: string }>>(base, '/api/targets');
  if (targets.length === 1) return targets[0]!.id;
  throw new RunnerError(
    'BAD_OPTION',
    `the harness at ${base} has ${targets.length} targets; name one with --target (${targets.map((t) => t.id).join(', ') || 'none'})`,
  );
}

async function api<T>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    throw new RunnerError(
      'HARNESS_UNREACHABLE',
      `no harness answers at ${base} (${describeError((error as Error).cause ?? error)}); start one with \`sso-harness serve\``,
      error,
    );
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 300);
    try {
      const body = JSON.parse(text) as { error?: { message?: string; hint?: string } };
      message = [body.error?.message, body.error?.hint].filter(Boolean).join('. ') || message;
    } catch {
      // not JSON: keep the text
    }
    throw new RunnerError(
      'BAD_OPTION',
      `the harness at ${base} refused ${path}: ${message} (HTTP ${response.status})`,
    );
  }
  return JSON.parse(text) as T;
}

/** The run's Server-Sent Events, parsed (`event:` and `data:` lines, a blank line ends one). */
async function* runEvents(base: string, runId: string): AsyncGenerator<RunEvent> {
  let response: Response;
  try {
    response = await fetch(`${base}/api/runs/${encodeURIComponent(runId)}/events`, {
      headers: { accept: 'text/event-stream' },
    });
  } catch (error) {
    throw new RunnerError(
      'HARNESS_UNREACHABLE',
      `lost the harness at ${base}: ${describeError(error)}`,
      error,
    );
  }
  if (!response.ok || !response.body) {
    throw new RunnerError('HARNESS_UNREACHABLE', `the harness at ${base} has no events for run ${runId}`);
  }
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      const type = /^event:\s*(.*)$/m.exec(block)?.[1];
      if (!data || !type) continue;
      if (type === 'failure') {
        throw new RunnerError('BAD_OPTION', `the harness refused the run's events: ${data}`);
      }
      yield JSON.parse(data) as RunEvent;
    }
  }
}
