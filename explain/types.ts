import type { PersonaName } from '../config/schema.ts';

/**
 * What `explain` produces: every check it made on a captured SSO message (or every
 * message of a HAR file), each `ok`, `problem` or `warning`, in plain words. The JSON
 * form of `Explanation` is documented in docs/explain-json.md.
 */

export type CheckStatus = 'ok' | 'problem' | 'warning';

/** Who has to change something for the check to pass, and what. */
export interface Fix {
  /** The identity provider's admin (idp) or the service provider's (sp). */
  side: 'idp' | 'sp';
  /** What to do, in plain words, naming the value to set. */
  text: string;
  /** The setting in the IdP's admin console, when the issuer matches a known IdP (persona). */
  setting?: string | undefined;
}

export interface Check {
  /** Stable id of the check, e.g. `saml.audience`; docs/explain-json.md lists them. */
  id: string;
  status: CheckStatus;
  /** Index of the message in `Explanation.messages`; absent for the input as a whole. */
  message?: number | undefined;
  /** The part of the message checked, e.g. "Assertion _8e1f…" or "id_token". */
  where?: string | undefined;
  /** What was checked and what was found. */
  text: string;
  /** The value the SP (or the spec) expects, when two values were compared. */
  expected?: string | undefined;
  /** The value the message carries. */
  actual?: string | undefined;
  /** The spec section that says so. */
  spec?: string | undefined;
  fix?: Fix | undefined;
}

export type MessageKind =
  | 'saml-response'
  | 'saml-authn-request'
  | 'saml-logout-request'
  | 'saml-logout-response'
  | 'oidc-authorization-request'
  | 'oidc-authorization-response'
  | 'oidc-token-response'
  | 'oidc-id-token'
  | 'oidc-logout-token'
  | 'oidc-access-token';

/** One message found in the input, decoded. */
export interface ExplainedMessage {
  index: number;
  kind: MessageKind;
  /** One line: what it is, from whom, to where. */
  summary: string;
  /** How it travelled (HTTP-POST, HTTP-Redirect, query, fragment, form_post, back channel). */
  binding?: string | undefined;
  /** Where it was sent (from a HAR, or the URL given). */
  url?: string | undefined;
  /** When it was sent (ISO 8601), from a HAR. */
  at?: string | undefined;
  issuer?: string | undefined;
  /** The IdP this issuer looks like, when it matches one. */
  persona?: PersonaName | undefined;
  /** The decoded message: indented XML, or JSON of a JWT's header and payload. */
  decoded: string;
}

/** One request of a HAR or SAML-tracer capture, in order, with the redirects between them. */
export interface FlowStep {
  index: number;
  method: string;
  url: string;
  status: number | undefined;
  /** Location of a redirect. */
  location?: string | undefined;
  at?: string | undefined;
  /** Indexes of the messages this request carried or answered with. */
  messages: number[];
}

export type InputKind =
  | 'saml-xml'
  | 'saml-base64'
  | 'saml-form'
  | 'saml-redirect-url'
  | 'jwt'
  | 'jwe'
  | 'oidc-url'
  | 'oidc-form'
  | 'token-response'
  | 'har'
  | 'saml-tracer'
  | 'unreadable';

export interface Explanation {
  schema: 'sso-harness/explain@1';
  input: { kind: InputKind; bytes: number; name?: string | undefined };
  /** The instant time windows are judged against, and where it came from. */
  captureTime: string;
  captureTimeSource: 'given' | 'har' | 'message' | 'now';
  clockSkewSeconds: number;
  /** The settings the message was compared with. */
  context: ContextSummary;
  messages: ExplainedMessage[];
  /** HAR and SAML-tracer input: every request in order, with its redirects. */
  flow: FlowStep[];
  checks: Check[];
  summary: { ok: number; problem: number; warning: number };
  /**
   * `readable`: the input was decoded and checked; `unreadable`: it could not be decoded
   * (bad base64, bad deflate, a DTD, too large, ...) and the checks say why.
   */
  outcome: 'readable' | 'unreadable';
  /** Personal data (names, emails, IDs) was replaced by placeholders before anything was shown. */
  masked: boolean;
  /** The scenario whose faults make the harness send the same defects, when there are any. */
  reproduction?: Reproduction | undefined;
}

export interface ContextSummary {
  sp?:
    | {
        source: string;
        entityId?: string | undefined;
        acsUrls: string[];
        clientId?: string | undefined;
        redirectUris: string[];
      }
    | undefined;
  idp?:
    | {
        source: string;
        entityId?: string | undefined;
        persona?: PersonaName | undefined;
        certificates: Array<{ subject: string; fingerprintSha256: string; notAfter: string }>;
        jwksKids: string[];
      }
    | undefined;
  /** Settings that could not be loaded (a metadata URL down, ...), as problems. */
  notes: string[];
  /** The harness target and connection compared with (the one the message came through, unless one was named). */
  harness?: { target: string; connection: string } | undefined;
}

/** A scenario, as data, whose faults make the harness commit the defects found. */
export interface Reproduction {
  /** Absent when no problem has a fault that reproduces it. */
  scenario?: {
    id: string;
    title: string;
    protocol: 'saml' | 'oidc';
    provider?: string | undefined;
    connection?: string | undefined;
    faults: Array<{ fault: string; params?: Record<string, unknown> }>;
    expect: 'reject';
    tags: string[];
    why: string;
    refs: string[];
  };
  /** Which check each fault reproduces. */
  sources: Array<{ fault: string; check: string }>;
  /** Problems the harness has no fault for. */
  unmatched: string[];
}
