import { HarnessError } from '../../lib/errors.ts';

export type KeyErrorCode =
  /** A key file exists but cannot be parsed. */
  | 'KEY_FILE_CORRUPT'
  /** A key file belongs to another provider or kind, or its certificate does not match its key. */
  | 'KEY_FILE_FOREIGN'
  /** A key kind name that the factory does not know. */
  | 'KEY_KIND_UNKNOWN';

export class KeyError extends HarnessError<KeyErrorCode> {
  constructor(code: KeyErrorCode, message: string, cause?: unknown) {
    super(code, message, { status: 500, cause });
  }

  /**
   * Shown, although a 500: the message names the key file of the harness's own state
   * folder to fix, which is what whoever sees the error page or the trace needs.
   */
  override get expose(): boolean {
    return true;
  }
}
