import type { Element } from '@xmldom/xmldom';
import type { ExplainContext } from '../context/settings.ts';
import type { Findings } from '../findings.ts';
import type { CapturedMessage } from '../input/capture.ts';

/** The AuthnRequest a response answers, when the capture holds it (a HAR). */
export interface RequestSeen {
  id: string;
  issuer: string | undefined;
  acsUrl: string | undefined;
  relayState: string | undefined;
  nameIdFormat: string | undefined;
  authnContext: { classRefs: string[]; comparison: string } | undefined;
  /** Index of the message in the capture. */
  message: number;
}

/** What every SAML check function is given. */
export interface SamlCheckInput {
  xml: string;
  root: Element;
  message: Extract<CapturedMessage, { kind: 'saml' }>;
  context: ExplainContext;
  /** The instant windows are judged against (ms since the epoch). */
  now: number;
  skewMs: number;
  findings: Findings;
  /** The request this message answers, from the capture. */
  request: RequestSeen | undefined;
}
