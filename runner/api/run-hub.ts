import type { RunHistory } from '../history.ts';
import type { Reporter, RunBeginInfo } from '../reporters/types.ts';
import { clockSkewAllowances } from '../timing/allowance.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';
import type { ResultSummary, RunEvent } from './types.ts';

/** How long a finished run's events stay in memory for late listeners (then: history). */
const KEEP_FINISHED_MS = 5 * 60_000;

interface LiveRun {
  events: RunEvent[];
  results: ScenarioResult[];
  listeners: Set<(event: RunEvent) => void>;
  done: boolean;
}

/**
 * The runs started from the UI, while they run: each one's events so far (so a page
 * opened mid-run catches up) and its listeners (the live streams).
 */
export class RunHub {
  private readonly runs = new Map<string, LiveRun>();

  /**
   * A reporter that feeds the hub; `begun` settles with the run's id once it starts. The
   * finished record is saved to `history` before the end is announced, so that whoever
   * hears "end" finds the run finished there.
   */
  reporter(history?: RunHistory): { reporter: Reporter; begun: Promise<RunBeginInfo> } {
    let resolveBegun!: (info: RunBeginInfo) => void;
    const begun = new Promise<RunBeginInfo>((resolve) => {
      resolveBegun = resolve;
    });
    let run: LiveRun | undefined;
    const reporter: Reporter = {
      name: 'ui-live',
      onBegin: (info) => {
        run = { events: [], results: [], listeners: new Set(), done: false };
        this.runs.set(info.runId, run);
        this.emit(run, { type: 'begin', info });
        resolveBegun(info);
      },
      onResult: (result, progress) => {
        if (!run) return;
        run.results.push(result);
        this.emit(run, { type: 'result', result: summarizeResult(result), progress });
      },
      onEnd: async (record) => {
        if (!run) return;
        await history?.save(record);
        this.finish(record.id, run, record);
      },
    };
    return { reporter, begun };
  }

  /** The live run's events so far, and a subscription to the rest; undefined if it is not live. */
  subscribe(
    id: string,
    listener: (event: RunEvent) => void,
  ): { backlog: RunEvent[]; done: boolean; stop(): void } | undefined {
    const run = this.runs.get(id);
    if (!run) return undefined;
    if (!run.done) run.listeners.add(listener);
    return { backlog: [...run.events], done: run.done, stop: () => run.listeners.delete(listener) };
  }

  /** Results of a run still going, for `GET /api/runs/:id` before the history has them. */
  partialResults(id: string): ScenarioResult[] | undefined {
    const run = this.runs.get(id);
    return run && !run.done ? [...run.results] : undefined;
  }

  private finish(id: string, run: LiveRun, record: RunRecord): void {
    this.emit(run, endEvent(record));
    run.done = true;
    run.listeners.clear();
    run.results = [];
    setTimeout(() => this.runs.delete(id), KEEP_FINISHED_MS).unref();
  }

  private emit(run: LiveRun, event: RunEvent): void {
    run.events.push(event);
    for (const listener of run.listeners) listener(event);
  }
}

export function summarizeResult(result: ScenarioResult): ResultSummary {
  const { trace: _trace, http: _http, screenshot, ...rest } = result;
  return { ...rest, hasScreenshot: Boolean(screenshot) };
}

/** The events of a finished run, rebuilt from its record (a run from before a restart). */
export function eventsOfRecord(record: RunRecord): RunEvent[] {
  const total = record.results.length;
  return [
    {
      type: 'begin',
      info: { runId: record.id, total, keys: record.results.map((r) => r.key), options: record.options },
    },
    ...record.results.map(
      (result, i): RunEvent => ({
        type: 'result',
        result: summarizeResult(result),
        progress: { done: i + 1, total },
      }),
    ),
    ...(record.status === 'running' ? [] : [endEvent(record)]),
  ];
}

function endEvent(record: RunRecord): RunEvent {
  return {
    type: 'end',
    summary: record.summary,
    status: record.status,
    clockSkew: clockSkewAllowances(record.results),
  };
}
