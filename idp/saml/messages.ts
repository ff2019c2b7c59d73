import type { Document, Element } from '@xmldom/xmldom';
import { attributeOf, childElement, childElements, textOf } from '../../lib/xml.ts';
import { IdpError } from '../errors.ts';
import { ns } from './constants.ts';

/** What the IdP reads from an AuthnRequest. */
export interface AuthnRequestInfo {
  id: string;
  issuer: string | undefined;
  issueInstant: string | undefined;
  destination: string | undefined;
  /** AssertionConsumerServiceURL, when the SP names one. */
  acsUrl: string | undefined;
  acsIndex: number | undefined;
  protocolBinding: string | undefined;
  /** NameIDPolicy Format. */
  nameIdFormat: string | undefined;
  forceAuthn: boolean;
  isPassive: boolean;
  /** RequestedAuthnContext class references. */
  authnContextClassRefs: string[];
}

export interface LogoutRequestInfo {
  id: string;
  issuer: string | undefined;
  destination: string | undefined;
  nameId: string | undefined;
  nameIdFormat: string | undefined;
  sessionIndexes: string[];
}

export interface LogoutResponseInfo {
  id: string;
  issuer: string | undefined;
  inResponseTo: string | undefined;
  statusCode: string | undefined;
}

/** The root element, checked to be the protocol message expected here. */
export function expectMessage(doc: Document, localName: string, alternatives: string[] = []): Element {
  const root = doc.documentElement as Element;
  const accepted = [localName, ...alternatives];
  if (root.namespaceURI !== ns.protocol || !accepted.includes(root.localName ?? '')) {
    throw new IdpError(
      'MESSAGE_UNEXPECTED',
      400,
      `expected a samlp:${accepted.join(' or samlp:')}, got <${root.tagName}>${root.namespaceURI && root.namespaceURI !== ns.protocol ? ` in namespace ${root.namespaceURI}` : ''}`,
    );
  }
  if (!root.getAttribute('ID')) {
    throw new IdpError('MESSAGE_UNEXPECTED', 400, `the ${root.localName} has no ID attribute`);
  }
  return root;
}

export function readAuthnRequest(doc: Document): AuthnRequestInfo {
  const root = expectMessage(doc, 'AuthnRequest');
  const policy = childElement(root, 'NameIDPolicy');
  const requested = childElement(root, 'RequestedAuthnContext');
  const index = attributeOf(root, 'AssertionConsumerServiceIndex');
  if (index !== undefined && !/^\d+$/.test(index)) {
    throw new IdpError('MESSAGE_UNEXPECTED', 400, `AssertionConsumerServiceIndex "${index}" is not a number`);
  }
  return {
    id: root.getAttribute('ID')!,
    issuer: textOf(childElement(root, 'Issuer')),
    issueInstant: attributeOf(root, 'IssueInstant'),
    destination: attributeOf(root, 'Destination'),
    acsUrl: attributeOf(root, 'AssertionConsumerServiceURL'),
    acsIndex: index === undefined ? undefined : Number(index),
    protocolBinding: attributeOf(root, 'ProtocolBinding'),
    nameIdFormat: attributeOf(policy, 'Format'),
    forceAuthn: attributeOf(root, 'ForceAuthn') === 'true',
    isPassive: attributeOf(root, 'IsPassive') === 'true',
    authnContextClassRefs: requested
      ? childElements(requested, 'AuthnContextClassRef').flatMap((e) => textOf(e) ?? [])
      : [],
  };
}

export function readLogoutRequest(root: Element): LogoutRequestInfo {
  const nameId = childElement(root, 'NameID');
  return {
    id: root.getAttribute('ID')!,
    issuer: textOf(childElement(root, 'Issuer')),
    destination: attributeOf(root, 'Destination'),
    nameId: textOf(nameId),
    nameIdFormat: attributeOf(nameId, 'Format'),
    sessionIndexes: childElements(root, 'SessionIndex').flatMap((e) => textOf(e) ?? []),
  };
}

export function readLogoutResponse(root: Element): LogoutResponseInfo {
  const status = childElement(root, 'Status');
  return {
    id: root.getAttribute('ID')!,
    issuer: textOf(childElement(root, 'Issuer')),
    inResponseTo: attributeOf(root, 'InResponseTo'),
    statusCode: attributeOf(status ? childElement(status, 'StatusCode') : undefined, 'Value'),
  };
}
