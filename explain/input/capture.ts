import type { Check, FlowStep, InputKind } from '../types.ts';
import type { RedirectSignature } from './saml-value.ts';

/** Where and when a message travelled, when the input says (a HAR, a URL). */
export interface Travel {
  /** HTTP-POST, HTTP-Redirect (SAML); query, fragment, form_post, back-channel (OIDC); raw. */
  binding: string;
  url?: string | undefined;
  /** ISO 8601, from a HAR entry. */
  at?: string | undefined;
  /** Index of the FlowStep that carried it. */
  step?: number | undefined;
}

/** A message found in the input, decoded as far as its envelope; the checks read the rest. */
export type CapturedMessage =
  | (Travel & {
      kind: 'saml';
      param: 'SAMLResponse' | 'SAMLRequest' | 'XML';
      xml: string;
      relayState?: string | undefined;
      redirectSignature?: RedirectSignature | undefined;
    })
  | (Travel & {
      kind: 'jwt';
      compact: string;
      role: 'id_token' | 'logout_token' | 'access_token' | 'unknown';
    })
  | (Travel & { kind: 'oidc-authorization-request'; params: Record<string, string> })
  | (Travel & { kind: 'oidc-authorization-response'; params: Record<string, string> })
  | (Travel & { kind: 'oidc-token-response'; status?: number | undefined; body: string });

/** The input, read: its messages in order, the requests between them, and what could not be read. */
export interface Capture {
  kind: InputKind;
  messages: CapturedMessage[];
  flow: FlowStep[];
  /** Problems reading the input or one of its messages. */
  problems: Check[];
  /** When the capture was made (a HAR's first message), if the input says. */
  capturedAt?: string | undefined;
}
