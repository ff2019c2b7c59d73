import type { Element } from '@xmldom/xmldom';
import type { LaxName } from '../lax.ts';
import type { IdpMetadata } from './metadata.ts';
import { authnContextRank, type SamlSettings } from './settings.ts';
import type { ReplayCache, RequestLog } from './state.ts';
import { attr, child, children, ns, path, text } from './xml.ts';

/** Everything the checks read: the Response as received, and the assertion the signature covers. */
export interface SamlEvidence {
  settings: SamlSettings;
  meta: IdpMetadata;
  /** The Response as received (its own fields are covered only when the Response is signed). */
  response: Element;
  /** The assertion taken from what the signature verified (or, with a lax switch, less). */
  assertion: Element;
  /** The AuthnRequests InResponseTo may answer (all this SP sent, or, lax, this session's). */
  requests: Pick<RequestLog, 'find'>;
  replay: ReplayCache;
  now: number;
  skewMs: number;
  maxAgeMs: number;
}

/** One check of a strict SP. It returns why the response fails it, or undefined. */
export interface SamlCheck {
  /** The lax switch that turns it off; also the refusal's reason code. */
  lax: LaxName;
  run(e: SamlEvidence): string | undefined;
}

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** xs:dateTime in UTC, any fractional precision (SAML Core §1.3.3: UTC, no zone but Z). */
const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An instant in ms; NaN for text that is not a UTC xs:dateTime (Date.parse alone takes local times). */
const instant = (value: string | undefined): number | undefined => {
  if (!value) return undefined;
  if (!UTC_DATE_TIME.test(value)) return Number.NaN;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NaN : ms;
};

/** The AuthnStatement's AuthnContextClassRef text, or undefined (SAML Core §2.7.2.2). */
export function authnContextClassRef(assertion: Element): string | undefined {
  return text(
    path(
      assertion,
      [ns.assertion, 'AuthnStatement'],
      [ns.assertion, 'AuthnContext'],
      [ns.assertion, 'AuthnContextClassRef'],
    ),
  );
}

function subjectConfirmationData(a: Element): Element[] {
  const subject = child(a, ns.assertion, 'Subject');
  if (!subject) return [];
  return children(subject, ns.assertion, 'SubjectConfirmation')
    .filter((sc) => attr(sc, 'Method') === BEARER)
    .map((sc) => child(sc, ns.assertion, 'SubjectConfirmationData'))
    .filter((d): d is Element => d !== undefined);
}

function inResponseTo(e: SamlEvidence): string[] {
  const ids = [
    attr(e.response, 'InResponseTo'),
    ...subjectConfirmationData(e.assertion).map((d) => attr(d, 'InResponseTo')),
  ];
  return ids.filter((id): id is string => Boolean(id));
}

function timeWindow(
  name: string,
  notBefore: number | undefined,
  notOnOrAfter: number | undefined,
  e: SamlEvidence,
) {
  if (Number.isNaN(notBefore) || Number.isNaN(notOnOrAfter)) return `${name} has a time that is not a date`;
  if (notBefore !== undefined && e.now + e.skewMs < notBefore) {
    return `${name} is not valid before ${new Date(notBefore).toISOString()} (now ${new Date(e.now).toISOString()}, ${e.skewMs / 1000} s skew allowed)`;
  }
  if (notOnOrAfter !== undefined && e.now - e.skewMs >= notOnOrAfter) {
    return `${name} expired at ${new Date(notOnOrAfter).toISOString()} (now ${new Date(e.now).toISOString()}, ${e.skewMs / 1000} s skew allowed)`;
  }
  return undefined;
}

/** The checks a careful SP makes after the signature, in the order they run. */
export const samlChecks: SamlCheck[] = [
  {
    lax: 'version',
    run: (e) => {
      for (const [name, el] of [
        ['Response', e.response],
        ['Assertion', e.assertion],
      ] as const) {
        const version = attr(el, 'Version');
        if (version !== '2.0') return `the ${name} Version is ${version ?? '(missing)'}, not 2.0`;
      }
      return undefined;
    },
  },
  {
    lax: 'destination',
    run: (e) => {
      const destination = attr(e.response, 'Destination');
      if (destination === e.settings.acsUrl) return undefined;
      return destination
        ? `the Response was sent to ${destination}, not to this ACS (${e.settings.acsUrl})`
        : 'the Response has no Destination';
    },
  },
  {
    lax: 'status',
    run: (e) => {
      const code = attr(path(e.response, [ns.protocol, 'Status'], [ns.protocol, 'StatusCode']), 'Value');
      return code === SUCCESS ? undefined : `the Response status is ${code ?? '(missing)'}, not Success`;
    },
  },
  {
    lax: 'issuer',
    run: (e) => {
      const responseIssuers = children(e.response, ns.assertion, 'Issuer').length;
      const assertionIssuers = children(e.assertion, ns.assertion, 'Issuer').length;
      if (responseIssuers > 1 || assertionIssuers > 1) {
        return `the ${responseIssuers > 1 ? 'Response' : 'Assertion'} carries ${Math.max(responseIssuers, assertionIssuers)} Issuer elements (the schema allows one)`;
      }
      const responseIssuer = text(child(e.response, ns.assertion, 'Issuer'));
      const assertionIssuer = text(child(e.assertion, ns.assertion, 'Issuer'));
      if (responseIssuer !== undefined && responseIssuer !== e.meta.entityId) {
        return `the Response Issuer is ${responseIssuer}, not the IdP ${e.meta.entityId}`;
      }
      if (assertionIssuer !== e.meta.entityId) {
        return `the Assertion Issuer is ${assertionIssuer ?? '(missing)'}, not the IdP ${e.meta.entityId}`;
      }
      return undefined;
    },
  },
  {
    lax: 'issue-instant',
    run: (e) => {
      for (const [name, el] of [
        ['Response', e.response],
        ['Assertion', e.assertion],
      ] as const) {
        const at = instant(attr(el, 'IssueInstant'));
        if (at === undefined || Number.isNaN(at)) return `the ${name} IssueInstant is missing or not a date`;
        if (at > e.now + e.skewMs)
          return `the ${name} was issued in the future (${new Date(at).toISOString()})`;
        if (at < e.now - e.maxAgeMs - e.skewMs)
          return `the ${name} was issued too long ago (${new Date(at).toISOString()})`;
      }
      return undefined;
    },
  },
  {
    lax: 'clock-skew',
    run: (e) => {
      const conditions = child(e.assertion, ns.assertion, 'Conditions');
      const c = timeWindow(
        'the assertion (Conditions)',
        instant(attr(conditions, 'NotBefore')),
        instant(attr(conditions, 'NotOnOrAfter')),
        e,
      );
      if (c) return c;
      for (const data of subjectConfirmationData(e.assertion)) {
        const s = timeWindow(
          'the SubjectConfirmationData',
          instant(attr(data, 'NotBefore')),
          instant(attr(data, 'NotOnOrAfter')),
          e,
        );
        if (s) return s;
      }
      return undefined;
    },
  },
  {
    lax: 'audience',
    run: (e) => {
      const conditions = child(e.assertion, ns.assertion, 'Conditions');
      const restrictions = conditions ? children(conditions, ns.assertion, 'AudienceRestriction') : [];
      if (restrictions.length === 0) return 'the assertion has no AudienceRestriction';
      for (const r of restrictions) {
        const audiences = children(r, ns.assertion, 'Audience').map((a) => text(a));
        if (!audiences.includes(e.settings.spEntityId)) {
          return `the assertion is for ${audiences.join(', ') || '(no audience)'}, not for this SP (${e.settings.spEntityId})`;
        }
      }
      return undefined;
    },
  },
  {
    lax: 'recipient',
    run: (e) => {
      const data = subjectConfirmationData(e.assertion);
      if (data.length === 0) return 'the assertion has no bearer SubjectConfirmationData';
      if (data.some((d) => attr(d, 'Recipient') === e.settings.acsUrl)) return undefined;
      const recipients = data.map((d) => attr(d, 'Recipient') ?? '(none)').join(', ');
      return `the SubjectConfirmationData Recipient is ${recipients}, not this ACS (${e.settings.acsUrl})`;
    },
  },
  {
    lax: 'in-response-to',
    run: (e) => {
      const ids = inResponseTo(e);
      if (ids.length === 0) return undefined;
      if (new Set(ids).size > 1)
        return `the Response and the assertion answer different requests (${[...new Set(ids)].join(', ')})`;
      const request = e.requests.find(ids[0]!, e.now);
      if (!request) return `InResponseTo ${ids[0]} matches no AuthnRequest this SP sent (or it expired)`;
      if (request.connection !== e.settings.connection) {
        return `InResponseTo ${ids[0]} answers a request of the connection "${request.connection}"`;
      }
      return undefined;
    },
  },
  {
    lax: 'unsolicited',
    run: (e) => {
      if (inResponseTo(e).length > 0 || e.settings.config.allowIdpInitiated) return undefined;
      return `unsolicited response (no InResponseTo): "${e.settings.config.displayName}" accepts only logins this SP started`;
    },
  },
  {
    lax: 'session-not-on-or-after',
    run: (e) => {
      const statement = child(e.assertion, ns.assertion, 'AuthnStatement');
      const end = instant(attr(statement, 'SessionNotOnOrAfter'));
      if (end === undefined) return undefined;
      if (Number.isNaN(end) || e.now - e.skewMs >= end) {
        return `the IdP session ended at ${attr(statement, 'SessionNotOnOrAfter')} (SessionNotOnOrAfter)`;
      }
      return undefined;
    },
  },
  {
    lax: 'nameid-format',
    run: (e) => {
      const nameId = path(e.assertion, [ns.assertion, 'Subject'], [ns.assertion, 'NameID']);
      if (!text(nameId)) return 'the assertion has no NameID';
      const format = attr(nameId, 'Format') ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
      return e.settings.nameIdFormats.includes(format)
        ? undefined
        : `the NameID format ${format} is not accepted (accepted: ${e.settings.nameIdFormats.join(', ')})`;
    },
  },
  {
    lax: 'authn-context',
    run: (e) => {
      const classRef = authnContextClassRef(e.assertion);
      if (!child(e.assertion, ns.assertion, 'AuthnStatement')) {
        return 'the assertion has no AuthnStatement (Web SSO: at least one is required)';
      }
      if (authnContextRank(classRef) >= authnContextRank(e.settings.authnContext)) return undefined;
      return `the IdP authenticated with ${classRef ?? '(no AuthnContextClassRef)'}, weaker than the requested ${e.settings.authnContext}`;
    },
  },
  {
    lax: 'required-attributes',
    run: (e) =>
      attributeValues(e.assertion, e.settings.attributes.email).length > 0
        ? undefined
        : `the assertion carries no email attribute (looked for ${e.settings.attributes.email.join(', ')})`,
  },
  {
    lax: 'duplicate-attributes',
    run: (e) => {
      const names = children(e.assertion, ns.assertion, 'AttributeStatement')
        .flatMap((statement) => children(statement, ns.assertion, 'Attribute'))
        .map((a) => attr(a, 'Name') ?? '');
      const repeated = names.find((name, i) => names.indexOf(name) !== i);
      return repeated === undefined
        ? undefined
        : `the assertion carries the attribute ${repeated} in more than one Attribute element`;
    },
  },
  {
    lax: 'replay-cache',
    run: (e) => {
      const id = attr(e.assertion, 'ID');
      if (!id) return 'the assertion has no ID';
      const conditions = child(e.assertion, ns.assertion, 'Conditions');
      const until = Math.max(instant(attr(conditions, 'NotOnOrAfter')) || 0, e.now + e.maxAgeMs) + e.skewMs;
      return e.replay.check(`${e.meta.entityId}\0${id}`, until, e.now)
        ? `the assertion ${id} was already used (replay)`
        : undefined;
    },
  },
];

/** Values of the first attribute, among `names`, that has any (`read` gets an element's text). */
export function attributeValues(
  assertion: Element,
  names: readonly string[],
  read: (element: Element) => string | undefined = text,
): string[] {
  const attributes = children(assertion, ns.assertion, 'AttributeStatement').flatMap((s) =>
    children(s, ns.assertion, 'Attribute'),
  );
  for (const name of names) {
    const found = attributes.filter((a) => attr(a, 'Name') === name);
    const values = found
      .flatMap((a) => children(a, ns.assertion, 'AttributeValue'))
      .map((v) => read(v) ?? '')
      .filter(Boolean);
    if (values.length > 0) return values;
  }
  return [];
}
