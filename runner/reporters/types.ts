import type { Calibration } from '../calibrate.ts';
import type { RunRecord, ScenarioResult } from '../types.ts';

export interface RunBeginInfo {
  runId: string;
  total: number;
  keys: string[];
  options: RunRecord['options'];
}

/**
 * Observes a run. Every hook is optional; a reporter that throws is recorded in the
 * run's `reporterErrors` and the run goes on.
 */
export interface Reporter {
  readonly name: string;
  onBegin?(info: RunBeginInfo): void | Promise<void>;
  /** A target was calibrated (before its first scenario runs). */
  onCalibration?(calibration: Calibration): void | Promise<void>;
  onResult?(result: ScenarioResult, progress: { done: number; total: number }): void | Promise<void>;
  onEnd?(record: RunRecord): void | Promise<void>;
}
