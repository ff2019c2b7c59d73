import type { Element } from '@xmldom/xmldom';
import { ns } from '../../idp/saml/constants.ts';
import type { CapturedMessage } from '../input/capture.ts';
import type { MessageKind } from '../types.ts';
import type { RequestSeen } from './model.ts';
import { childNS } from './parse.ts';

// How a SAML message is named in reports, and what of a request its answer is checked against.

/** The Issuer of the first assertion, for a Response that names none itself. */
export function firstAssertionIssuer(root: Element): string | undefined {
  const assertion = childNS(root, ns.assertion, 'Assertion');
  return childNS(assertion, ns.assertion, 'Issuer')?.textContent?.trim();
}

/** What a response (or LogoutResponse) to this request must match: ID, ACS, RelayState, NameID format, AuthnContext. */
export function requestSeen(
  root: Element,
  message: Extract<CapturedMessage, { kind: 'saml' }>,
  index: number,
): RequestSeen {
  const policy = childNS(root, ns.protocol, 'NameIDPolicy');
  const requested = childNS(root, ns.protocol, 'RequestedAuthnContext');
  return {
    id: root.getAttribute('ID') ?? '',
    issuer: childNS(root, ns.assertion, 'Issuer')?.textContent?.trim(),
    acsUrl: root.getAttribute('AssertionConsumerServiceURL') || undefined,
    relayState: message.relayState,
    nameIdFormat: policy?.getAttribute('Format') || undefined,
    authnContext: requested
      ? {
          comparison: requested.getAttribute('Comparison') || 'exact',
          classRefs: Array.from(
            requested.getElementsByTagNameNS(ns.assertion, 'AuthnContextClassRef'),
          ).flatMap((e) => e.textContent?.trim() || []),
        }
      : undefined,
    message: index,
  };
}

/** One line: what the message is, from whom, to where, over which binding. */
export function samlSummary(
  kind: MessageKind,
  root: Element,
  issuer: string | undefined,
  message: CapturedMessage,
): string {
  const via = message.binding === 'raw' ? '' : ` over ${message.binding}`;
  const name = root.localName;
  if (kind === 'saml-response') {
    return `${name} from ${issuer ?? '(no issuer)'} to ${root.getAttribute('Destination') || message.url || '(no destination)'}${via}`;
  }
  return `${name} from ${issuer ?? '(no issuer)'}${root.getAttribute('Destination') ? ` to ${root.getAttribute('Destination')}` : ''}${via}`;
}
