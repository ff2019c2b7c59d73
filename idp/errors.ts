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
  /** The Host header names a host this server was not started for (DNS rebinding): 421. */
  | 'MISDIRECTED_HOST'
  /** A state-changing API request from another origin, or not sent as JSON: 403. */
  | 'CROSS_SITE_REQUEST'
  /** The API token is required and was absent or wrong: 401. */
  | 'API_TOKEN_REQUIRED'
  /** A URL from outside with a scheme other than http: or https: (javascript:, data:, ...). */
  | 'URL_SCHEME_REFUSED'
  /** XML nested deeper, or with more elements, than the parser accepts. */
  | 'XML_TOO_COMPLEX'
  /** Too many live event streams are open: 429. */
  | 'TOO_MANY_STREAMS'
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
