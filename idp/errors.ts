import { HarnessError } from '../lib/errors.ts';

export type IdpErrorCode =
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'UNKNOWN_PROVIDER'
  | 'PROVIDER_DISABLED'
  /** A SAML message or parameter is absent. */
  | 'MESSAGE_MISSING'
  | 'MESSAGE_NOT_BASE64'
  | 'MESSAGE_NOT_DEFLATE'
  | 'MESSAGE_NOT_XML'
  /** A DOCTYPE or entity declaration (XXE, billion laughs). */
  | 'XML_DTD_FORBIDDEN'
  | 'MESSAGE_TOO_LARGE'
  /** The message is XML but not the SAML message expected here. */
  | 'MESSAGE_UNEXPECTED'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_REQUIRED'
  | 'UNKNOWN_SP'
  /** SP metadata (file, URL or upload) that cannot be used. */
  | 'SP_METADATA_INVALID'
  | 'ACS_NOT_REGISTERED'
  | 'UNKNOWN_USER'
  | 'USER_REFUSED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BAD_REQUEST'
  | 'INTERNAL';

/** An error answered to whoever sent the request; `status` < 500 means it was their input. */
export class IdpError extends HarnessError<IdpErrorCode> {
  /** What to do about it, shown under the message. */
  readonly hint: string | undefined;

  constructor(
    code: IdpErrorCode,
    status: number,
    message: string,
    options: { hint?: string; cause?: unknown; detail?: Record<string, unknown> } = {},
  ) {
    super(code, message, { status, cause: options.cause, detail: options.detail });
    this.hint = options.hint;
  }
}
