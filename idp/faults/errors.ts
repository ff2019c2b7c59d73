import { HarnessError } from '../../lib/errors.ts';

export type FaultErrorCode =
  | 'FAULT_UNKNOWN'
  | 'FAULT_PARAMS_INVALID'
  | 'FAULT_PROTOCOL_MISMATCH'
  | 'FAULT_FAILED';

export class FaultError extends HarnessError<FaultErrorCode> {
  constructor(code: FaultErrorCode, message: string, cause?: unknown) {
    super(code, message, { status: code === 'FAULT_FAILED' ? 500 : 400, cause });
  }
}
