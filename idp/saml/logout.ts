import { ns, statusCodes } from './constants.ts';
import type { NameIdModel } from './response/stages.ts';
import { el, instant, samlId, text } from './xml-writer.ts';

/** A LogoutRequest from the IdP to an SP (IdP-initiated single logout). */
export function logoutRequestXml(input: {
  issuer: string;
  destination: string;
  nameId: NameIdModel;
  sessionIndex: string | undefined;
  now: number;
}): { id: string; xml: string } {
  const id = samlId();
  const xml = el(
    'samlp:LogoutRequest',
    {
      'xmlns:samlp': ns.protocol,
      'xmlns:saml': ns.assertion,
      ID: id,
      Version: '2.0',
      IssueInstant: instant(input.now),
      Destination: input.destination,
      NotOnOrAfter: instant(input.now + 5 * 60_000),
    },
    el('saml:Issuer', {}, text(input.issuer)),
    el(
      'saml:NameID',
      { Format: input.nameId.format, SPNameQualifier: input.nameId.spNameQualifier },
      text(input.nameId.value),
    ),
    input.sessionIndex !== undefined && el('samlp:SessionIndex', {}, text(input.sessionIndex)),
  );
  return { id, xml };
}

/** The IdP's answer to an SP's LogoutRequest. */
export function logoutResponseXml(input: {
  issuer: string;
  destination: string;
  inResponseTo: string;
  statusCode?: string;
  now: number;
}): { id: string; xml: string } {
  const id = samlId();
  const xml = el(
    'samlp:LogoutResponse',
    {
      'xmlns:samlp': ns.protocol,
      'xmlns:saml': ns.assertion,
      ID: id,
      Version: '2.0',
      IssueInstant: instant(input.now),
      Destination: input.destination,
      InResponseTo: input.inResponseTo,
    },
    el('saml:Issuer', {}, text(input.issuer)),
    el('samlp:Status', {}, el('samlp:StatusCode', { Value: input.statusCode ?? statusCodes.success })),
  );
  return { id, xml };
}
