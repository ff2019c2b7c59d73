import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ClockSkewAllowance, clockSkewAllowances } from '../../runner/timing/allowance.ts';
import type { RunSummary, Verdict } from '../../runner/types.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import type { ZooRun } from './run.ts';

/** The scenario that shows a zoo SP logs its subject in at all, by protocol. */
export const baselineOf = { saml: 'saml.baseline.sp-initiated', oidc: 'oidc.baseline.sp-initiated' } as const;

/** The verdicts of a second run with one check turned on by the library's own setting. */
export interface HardenedRun {
  /** The hardening check (a key of the SP's `hardening`). */
  check: string;
  /** The setting the SP ran with, as written in its code. */
  setting: string;
  /** Scenario id -> verdict: the scenarios of that check and the baseline, sorted by id. */
  verdicts: Record<string, Verdict>;
}

/** The raw verdicts of one zoo SP: `docs/report-cards/<id>.json`. */
export interface VerdictFile {
  schema: 'sso-harness/report-card@1';
  id: string;
  library: string;
  package: string;
  version: string;
  protocol: 'saml' | 'oidc';
  /** ISO date (day) the card was made. */
  date: string;
  driver: 'http' | 'browser';
  /** `sha256:<hex>` of the catalog's scenario ids and expectations of this protocol (see catalogFingerprint). */
  catalogFingerprint: string;
  summary: Omit<RunSummary, 'durationMs'>;
  /** Scenario id -> verdict, sorted by id. */
  verdicts: Record<string, Verdict>;
  /** What the timing scenarios measured, per time field (runner/timing/allowance.ts). */
  clockSkew: ClockSkewAllowance[];
  /** Runs again with a check turned on, where a scenario of that check failed by default. */
  hardenedRuns: HardenedRun[];
}

/**
 * A hash of what a card was judged against: every scenario id of the protocol with its
 * expectation, sorted by id. It changes when a scenario is added, removed or re-expected,
 * which makes a committed card stale.
 */
export function catalogFingerprint(scenarios: readonly Scenario[], protocol: 'saml' | 'oidc'): string {
  const entries = scenarios
    .filter((s) => s.protocol === protocol)
    .map((s) => [s.id, s.expect] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `sha256:${createHash('sha256').update(JSON.stringify(entries)).digest('hex')}`;
}

/**
 * The verdict file of a run, over the catalog's scenarios only (not a test's extra ones);
 * `fingerprint` is the catalog's, computed by the caller.
 */
export function verdictFile(
  run: ZooRun,
  fingerprint: string,
  hardenedRuns: readonly ZooRun[] = [],
  date = new Date(),
): VerdictFile {
  const ids = new Set(run.scenarios.map((s) => s.id));
  const results = run.record.results.filter((r) => ids.has(r.scenarioId));
  const count = (verdict: Verdict) => results.filter((r) => r.verdict === verdict).length;
  const verdicts = verdictMap(run);
  return {
    schema: 'sso-harness/report-card@1',
    id: run.sp.id,
    library: run.sp.library,
    package: run.sp.source.package,
    version: run.version,
    protocol: run.sp.protocol,
    date: date.toISOString().slice(0, 10),
    driver: run.record.options.driver,
    catalogFingerprint: fingerprint,
    summary: {
      total: results.length,
      passed: count('pass'),
      failed: count('fail'),
      errored: count('error'),
      skipped: count('skipped'),
    },
    verdicts,
    clockSkew: clockSkewAllowances(results),
    hardenedRuns: hardenedRuns.map((h) => ({
      check: h.hardened.join(', '),
      setting: h.hardened.map((check) => run.sp.hardening[check]?.hardened ?? check).join('; '),
      verdicts: verdictMap(h),
    })),
  };
}

/** Scenario id -> verdict of a run's catalog scenarios, sorted by id. */
export function verdictMap(run: ZooRun): Record<string, Verdict> {
  const ids = new Set(run.scenarios.map((s) => s.id));
  return Object.fromEntries(
    run.record.results
      .filter((r) => ids.has(r.scenarioId))
      .map((r) => [r.scenarioId, r.verdict] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/**
 * Reads a committed verdict file.
 *
 * @throws Error naming the file when it is not a report-card@1 JSON document.
 */
export function readVerdictFile(path: string): VerdictFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<VerdictFile>;
  if (data.schema !== 'sso-harness/report-card@1' || typeof data.verdicts !== 'object' || !data.id)
    throw new Error(`${path} is not a report card's verdict file (schema sso-harness/report-card@1)`);
  return data as VerdictFile;
}

/** Scenarios whose verdict differs between two verdict maps, with both verdicts ("missing" when absent). */
export function verdictChanges(
  committed: Readonly<Record<string, Verdict>>,
  current: Readonly<Record<string, Verdict>>,
): { scenarioId: string; committed: Verdict | 'missing'; current: Verdict | 'missing' }[] {
  const ids = [...new Set([...Object.keys(committed), ...Object.keys(current)])].sort();
  return ids
    .map((scenarioId) => ({
      scenarioId,
      committed: committed[scenarioId] ?? ('missing' as const),
      current: current[scenarioId] ?? ('missing' as const),
    }))
    .filter((c) => c.committed !== c.current);
}
