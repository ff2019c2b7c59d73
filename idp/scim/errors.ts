import { HarnessError } from '../../lib/errors.ts';

export type ScimClientErrorCode =
  /** The provider (or connection) names no SCIM base URL. */
  | 'SCIM_NOT_CONFIGURED'
  | 'SCIM_DIALECT_UNKNOWN'
  /** The dialect never sends this request (Okta never DELETEs a user). */
  | 'SCIM_NOT_SUPPORTED'
  /** Connection refused, reset, DNS: the SP could not be reached. */
  | 'SCIM_UNREACHABLE'
  | 'SCIM_TIMEOUT'
  /** The SP redirected to another origin; the client does not follow (its token would travel). */
  | 'SCIM_REDIRECT_REFUSED'
  | 'SCIM_TOO_MANY_REDIRECTS'
  | 'SCIM_RESPONSE_TOO_LARGE'
  /** A success answer that is not SCIM JSON (application/scim+json or application/json). */
  | 'SCIM_CONTENT_TYPE'
  | 'SCIM_MALFORMED_JSON'
  /** A success answer whose JSON is not the resource or list the request asked for. */
  | 'SCIM_UNEXPECTED_ANSWER';

/** A SCIM exchange that could not be completed or judged: the SP's answer is untrusted input. */
export class ScimClientError extends HarnessError<ScimClientErrorCode> {
  constructor(code: ScimClientErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { status: code === 'SCIM_NOT_CONFIGURED' ? 400 : 502, cause: options.cause });
  }
}
