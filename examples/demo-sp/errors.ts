import { HarnessError } from '../../lib/errors.ts';
import type { LaxName } from './lax.ts';

export type DemoSpErrorCode = 'LAX_UNKNOWN' | 'CONFIG_INVALID' | 'CONNECTION_UNKNOWN';

/** A mistake in the demo SP's own configuration or options. */
export class DemoSpError extends HarnessError<DemoSpErrorCode> {
  constructor(code: DemoSpErrorCode, message: string) {
    super(code, message, { status: 400 });
  }
}

/**
 * Why a login was refused. Most reasons are named after the lax switch that turns the
 * check off; the others cannot be switched off (a response that is not XML, an IdP that
 * is down, a user who is disabled in the SP).
 */
export type RefusalReason =
  | LaxName
  | 'signature-invalid'
  | 'multiple-assertions'
  | 'response-invalid'
  | 'idp-error'
  | 'idp-unreachable'
  | 'client-secret'
  | 'token-error'
  | 'login-expired'
  | 'user-disabled'
  | 'identity-conflict'
  | 'password-invalid'
  | 'sso-required'
  | 'connection-unknown'
  | 'subject-missing'
  | 'email-missing';

/**
 * A refused login. Handlers throw it; the page renders it with the reason code in a
 * data attribute (HTML) or a `reason` field (JSON).
 */
export class LoginRefused extends HarnessError<RefusalReason> {
  readonly connection: string | undefined;

  constructor(
    reason: RefusalReason,
    message: string,
    options: { status?: number; connection?: string | undefined; cause?: unknown } = {},
  ) {
    super(reason, message, { status: options.status ?? 403, cause: options.cause });
    this.connection = options.connection;
  }

  get reason(): RefusalReason {
    return this.code;
  }
}
