import { ns } from '../constants.ts';
import { el, text } from '../xml-writer.ts';
import type { AssertionModel, ResponseModel, StatusModel } from './stages.ts';

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

/** Writes the Response XML for a model. Each Assertion declares its own namespace, so it stands alone once extracted or encrypted. */
export function responseXml(model: ResponseModel): string {
  return el(
    'samlp:Response',
    {
      'xmlns:samlp': ns.protocol,
      'xmlns:saml': ns.assertion,
      ID: model.id,
      Version: '2.0',
      IssueInstant: model.issueInstant,
      Destination: model.destination,
      InResponseTo: model.inResponseTo,
    },
    model.issuer !== undefined && el('saml:Issuer', { Format: ENTITY_FORMAT }, text(model.issuer)),
    statusXml(model.status),
    ...model.assertions.map(assertionXml),
  );
}

function statusXml(status: StatusModel): string {
  return el(
    'samlp:Status',
    {},
    el(
      'samlp:StatusCode',
      { Value: status.code },
      status.subCode && el('samlp:StatusCode', { Value: status.subCode }),
    ),
    status.message !== undefined && el('samlp:StatusMessage', {}, text(status.message)),
  );
}

export function assertionXml(a: AssertionModel): string {
  return el(
    'saml:Assertion',
    { 'xmlns:saml': ns.assertion, ID: a.id, Version: '2.0', IssueInstant: a.issueInstant },
    a.issuer !== undefined && el('saml:Issuer', { Format: ENTITY_FORMAT }, text(a.issuer)),
    el(
      'saml:Subject',
      {},
      a.subject.nameId &&
        el(
          'saml:NameID',
          {
            Format: a.subject.nameId.format,
            NameQualifier: a.subject.nameId.nameQualifier,
            SPNameQualifier: a.subject.nameId.spNameQualifier,
          },
          text(a.subject.nameId.value),
        ),
      ...a.subject.confirmations.map((c) =>
        el(
          'saml:SubjectConfirmation',
          { Method: c.method },
          el('saml:SubjectConfirmationData', {
            NotBefore: c.notBefore,
            NotOnOrAfter: c.notOnOrAfter,
            Recipient: c.recipient,
            InResponseTo: c.inResponseTo,
          }),
        ),
      ),
    ),
    a.conditions &&
      el(
        'saml:Conditions',
        { NotBefore: a.conditions.notBefore, NotOnOrAfter: a.conditions.notOnOrAfter },
        a.conditions.audiences.length > 0 &&
          el(
            'saml:AudienceRestriction',
            {},
            ...a.conditions.audiences.map((aud) => el('saml:Audience', {}, text(aud))),
          ),
      ),
    a.authnStatement &&
      el(
        'saml:AuthnStatement',
        {
          AuthnInstant: a.authnStatement.authnInstant,
          SessionIndex: a.authnStatement.sessionIndex,
          SessionNotOnOrAfter: a.authnStatement.sessionNotOnOrAfter,
        },
        el('saml:AuthnContext', {}, el('saml:AuthnContextClassRef', {}, text(a.authnStatement.classRef))),
      ),
    a.attributes.length > 0 &&
      el(
        'saml:AttributeStatement',
        {},
        ...a.attributes.map((attr) =>
          el(
            'saml:Attribute',
            { Name: attr.name, NameFormat: attr.nameFormat, FriendlyName: attr.friendlyName },
            ...attr.values.map((v) => el('saml:AttributeValue', {}, text(v))),
          ),
        ),
      ),
  );
}
