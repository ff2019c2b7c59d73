import { ns } from '../constants.ts';
import { el, text } from '../xml-writer.ts';
import type { AssertionModel, NameIdModel, RawAttributes, ResponseModel, StatusModel } from './stages.ts';

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

/** The element's own attributes with a fault's raw values written over them (null removes). */
function withRaw(
  attributes: Record<string, string | undefined>,
  raw: RawAttributes | undefined,
): Record<string, string | undefined> {
  if (!raw) return attributes;
  const out = { ...attributes };
  for (const [name, value] of Object.entries(raw)) out[name] = value ?? undefined;
  return out;
}

/** The Issuer element, then any further ones a fault adds. */
function issuersXml(
  issuer: string | undefined,
  more: readonly string[] | undefined,
  format: string | null | undefined,
): string[] {
  const attributes = { Format: format === null ? undefined : (format ?? ENTITY_FORMAT) };
  return [...(issuer !== undefined ? [issuer] : []), ...(more ?? [])].map((value) =>
    el('saml:Issuer', attributes, text(value)),
  );
}

/** Writes the Response XML for a model. Each Assertion declares its own namespace, so it stands alone once extracted or encrypted. */
export function responseXml(model: ResponseModel): string {
  return el(
    'samlp:Response',
    withRaw(
      {
        'xmlns:samlp': ns.protocol,
        'xmlns:saml': ns.assertion,
        ID: model.id,
        Version: '2.0',
        IssueInstant: model.issueInstant,
        Destination: model.destination,
        InResponseTo: model.inResponseTo,
      },
      model.rawAttributes,
    ),
    ...issuersXml(model.issuer, model.moreIssuers, model.issuerFormat),
    model.status && statusXml(model.status),
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

/** The NameID's text, with the model's processing instruction (a fault) inside it. */
function nameIdContent(nameId: NameIdModel): string {
  const pi = nameId.processingInstruction;
  if (!pi) return text(nameId.value);
  const at = Math.max(0, Math.min(pi.offset, nameId.value.length));
  // A PI's data may hold anything but "?>"; its target is an XML name.
  const data = pi.data.replaceAll('?>', '? >');
  return `${text(nameId.value.slice(0, at))}<?${pi.target}${data ? ` ${data}` : ''}?>${text(nameId.value.slice(at))}`;
}

export function assertionXml(a: AssertionModel): string {
  return el(
    'saml:Assertion',
    withRaw(
      { 'xmlns:saml': ns.assertion, ID: a.id, Version: '2.0', IssueInstant: a.issueInstant },
      a.rawAttributes,
    ),
    ...issuersXml(a.issuer, a.moreIssuers, a.issuerFormat),
    // A Subject with neither NameID nor confirmation is not valid SAML: the model means "no Subject".
    (a.subject.nameId !== undefined || a.subject.confirmations.length > 0) &&
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
            nameIdContent(a.subject.nameId),
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
