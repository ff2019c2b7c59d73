import { HarnessError } from '../lib/errors.ts';

export type ConfigErrorCode =
  /** The file given with --config does not exist. */
  | 'CONFIG_NOT_FOUND'
  /** The file exists but could not be read, parsed or imported. */
  | 'CONFIG_UNREADABLE'
  /** The file was read but a field is wrong. */
  | 'CONFIG_INVALID'
  /** A name refers to something the config does not define. */
  | 'CONFIG_UNKNOWN_REFERENCE';

/** A bad configuration. The CLI prints the message and exits with code 2. */
export class ConfigError extends HarnessError<ConfigErrorCode> {
  readonly file: string | undefined;
  readonly issues: readonly string[];

  constructor(code: ConfigErrorCode, file: string | undefined, issues: readonly string[], cause?: unknown) {
    const where = file ?? 'configuration';
    const message =
      issues.length === 1
        ? `${where}: ${issues[0]}`
        : `${where}:\n${issues.map((i) => `  - ${i}`).join('\n')}`;
    super(code, message, { status: 400, cause, detail: { file, issues } });
    this.file = file;
    this.issues = issues;
  }
}
