/**
 * The one error base of the project. Each area (config, keys, idp, scenarios, runner)
 * subclasses it with a fixed union of `code` strings so callers can switch on them.
 */
export class HarnessError<Code extends string = string> extends Error {
  readonly code: Code;
  /** HTTP status when the error reaches a Koa handler. 4xx are safe to show. */
  readonly status: number;
  /** Extra structured detail for traces and JSON error bodies. */
  readonly detail: Record<string, unknown> | undefined;

  constructor(
    code: Code,
    message: string,
    options: { status?: number; detail?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = options.status ?? 500;
    this.detail = options.detail;
  }

  /** Whether the message may be shown to whoever sent the request (never for 5xx). */
  get expose(): boolean {
    return this.status < 500;
  }
}

/** A readable one-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
