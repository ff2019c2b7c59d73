import { HarnessError } from '../lib/errors.ts';

export type ExplainErrorCode =
  /** The input could not be decoded; `detail.checks` says why. */
  | 'EXPLAIN_UNREADABLE'
  /** A context file or URL (SP metadata, IdP metadata, JWKS, key) could not be used. */
  | 'EXPLAIN_CONTEXT'
  | 'EXPLAIN_TOO_LARGE'
  | 'EXPLAIN_BAD_OPTION';

/** An error of `explain`: 4xx statuses, since they are always about the input or the options. */
export class ExplainError extends HarnessError<ExplainErrorCode> {
  readonly hint: string | undefined;

  constructor(
    code: ExplainErrorCode,
    message: string,
    options: { status?: number; hint?: string; detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(code, message, { status: options.status ?? 400, detail: options.detail, cause: options.cause });
    this.hint = options.hint;
  }
}
