import { RE2JS } from 're2js';
import { HarnessError } from './errors.ts';

/** A compiled user pattern: `test` runs in time linear in the text, whatever the pattern. */
export interface TextPattern {
  /** The pattern as written. */
  readonly source: string;
  test(text: string): boolean;
}

export class PatternError extends HarnessError<'PATTERN_INVALID'> {
  constructor(message: string) {
    super('PATTERN_INVALID', message, { status: 400 });
  }
}

/** Longest pattern accepted; RE2 compiles in time linear in the pattern, this keeps it small. */
const MAX_PATTERN_LENGTH = 1000;

/**
 * Compiles a regular expression from a person or a config (`--grep`, a run request's
 * `grep`, a suite's `grep`) with RE2's linear-time engine (re2js): no backtracking, so
 * `^(\w+\s?){1,12}$` cannot stall the server. RE2 syntax: no lookaround, no
 * backreferences; a pattern using them is a `PatternError` saying so.
 *
 * @example
 * compilePattern('xsw[1-4]', { ignoreCase: true }).test('saml.signature.xsw2'); // true
 */
export function compilePattern(source: string, options: { ignoreCase?: boolean } = {}): TextPattern {
  if (source.length > MAX_PATTERN_LENGTH) {
    throw new PatternError(
      `the pattern is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are accepted`,
    );
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    throw new PatternError(
      `"${source}" is not a valid pattern: ${(error as Error).message} (RE2 syntax: no lookaround or backreferences)`,
    );
  }
  return { source, test: (text) => compiled.matcher(text).find() };
}
