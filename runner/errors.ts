import { HarnessError } from '../lib/errors.ts';

export type RunnerErrorCode =
  | 'TARGET_UNKNOWN'
  | 'SCENARIO_INVALID'
  | 'SCENARIO_UNKNOWN'
  | 'SUITE_UNKNOWN'
  | 'BAD_OPTION'
  | 'PORT_IN_USE'
  | 'HARNESS_UNREACHABLE'
  | 'BROWSER_NOT_FOUND'
  | 'DRIVER_FAILED'
  | 'TIMEOUT';

export class RunnerError extends HarnessError<RunnerErrorCode> {
  constructor(code: RunnerErrorCode, message: string, cause?: unknown) {
    super(code, message, { status: code === 'DRIVER_FAILED' || code === 'TIMEOUT' ? 500 : 400, cause });
  }
}
