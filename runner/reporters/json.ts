import { writeFileAtomic } from '../../lib/fs.ts';
import { maskSecrets } from '../../lib/mask.ts';
import { type ClockSkewAllowance, clockSkewAllowances } from '../timing/allowance.ts';
import type { RunRecord } from '../types.ts';
import type { Reporter } from './types.ts';

/**
 * Writes the whole run as JSON (schema: docs/report-json.md): summary counts and every
 * result with its evidence. Secrets in forms and traces are masked.
 */
export function jsonReporter(path: string): Reporter {
  return {
    name: 'json',
    async onEnd(record: RunRecord) {
      await writeFileAtomic(path, `${JSON.stringify(toJsonReport(record), null, 2)}\n`);
    },
  };
}

/** The JSON report's schema tag; changes only with an incompatible change. */
export const reportSchema = 'sso-harness/run@1';

/**
 * The run as the JSON report writes it, with `clockSkew`: the effective clock-skew allowance
 * the timing scenarios measured (derived from `results`; readers may ignore it).
 */
export function toJsonReport(
  record: RunRecord,
): RunRecord & { schema: string; clockSkew: ClockSkewAllowance[] } {
  return { schema: reportSchema, ...maskSecrets(record), clockSkew: clockSkewAllowances(record.results) };
}
