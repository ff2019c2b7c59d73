import { HarnessError } from '../../lib/errors.ts';

export type ZooErrorCode = 'LIBRARY_MISSING' | 'START_FAILED' | 'START_TIMEOUT';

/** A zoo SP that could not be started: its library is not installed, its process died or never answered. */
export class ZooError extends HarnessError<ZooErrorCode> {
  constructor(code: ZooErrorCode, message: string, cause?: unknown) {
    super(code, message, { status: 500, cause });
  }
}
