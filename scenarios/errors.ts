import { HarnessError } from '../lib/errors.ts';

export type ScenarioErrorCode =
  | 'SCENARIO_INVALID'
  | 'SCENARIO_DUPLICATE'
  | 'SUITE_UNKNOWN'
  | 'SCENARIO_UNKNOWN';

export class ScenarioError extends HarnessError<ScenarioErrorCode> {
  constructor(code: ScenarioErrorCode, message: string) {
    super(code, message, { status: 400 });
  }
}
