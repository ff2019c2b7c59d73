import { describe, expect, it } from 'vitest';
import { type AdvisoryVersion, advisories } from '../../examples/sp-zoo/advisories.ts';
import { runZooSp, type ZooRun } from '../../examples/sp-zoo/run.ts';

/**
 * Published advisories in SP libraries: each library's vulnerable version and its fixed one
 * (npm aliases side by side), as the zoo specimen of that library, get the advisory's scenario
 * and the baseline. The scenario must fail on the vulnerable version (the harness tells the
 * user) and pass on the fixed one; both must log the subject in. docs/advisories.md lists them.
 */
const baseline = 'saml.baseline.sp-initiated';

/** Two SPs at a time (two cores); each test awaits its own runs. */
const jobs = advisories.flatMap((a) =>
  [a.vulnerable, a.fixed].map((side) => ({
    key: `${a.id}:${side.version}`,
    side,
    ids: [baseline, a.scenarioId],
  })),
);
const runs = new Map<string, Promise<ZooRun>>();
const queue = [...jobs];
async function lane(): Promise<void> {
  for (let job = queue.shift(); job; job = queue.shift()) {
    const run = runZooSp(job.side.sp, { ids: job.ids, hardened: [...job.side.hardened], workers: 2 });
    runs.set(job.key, run);
    await run.catch(() => {});
  }
}
void lane();
void lane();

async function runOf(key: string): Promise<ZooRun> {
  while (!runs.has(key)) await new Promise((resolve) => setTimeout(resolve, 50));
  return runs.get(key)!;
}

function verdicts(run: ZooRun): Record<string, string> {
  return Object.fromEntries(run.record.results.map((r) => [r.scenarioId, `${r.verdict}: ${r.reason}`]));
}

describe.each(advisories.map((a) => [a.id, a] as const))('%s', (_id, advisory) => {
  const check = async (side: AdvisoryVersion, verdict: 'pass' | 'fail') => {
    const run = await runOf(`${advisory.id}:${side.version}`);
    expect(run.version.startsWith(side.version), `installed ${run.version}`).toBe(true);
    const seen = verdicts(run);
    expect(seen[baseline], JSON.stringify(seen)).toMatch(/^pass/);
    expect(seen[advisory.scenarioId], JSON.stringify(seen)).toMatch(new RegExp(`^${verdict}:`));
  };
  it(`${advisory.scenarioId} fails on ${advisory.vulnerable.label}`, { timeout: 120_000 }, () =>
    check(advisory.vulnerable, 'fail'),
  );
  it(`${advisory.scenarioId} passes on ${advisory.fixed.label}`, { timeout: 120_000 }, () =>
    check(advisory.fixed, 'pass'),
  );
});
