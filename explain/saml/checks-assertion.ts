import type { Element, Node } from '@xmldom/xmldom';
import { ns } from '../../idp/saml/constants.ts';
import { portOnlyDifference } from '../near-miss.ts';
import type { SamlCheckInput } from './model.ts';
import { childNS, childrenNS, elementsNS, label } from './parse.ts';

const core = 'SAML 2.0 Core';
const profiles = 'SAML 2.0 Profiles';

/** The AudienceRestriction against the SP's entityID. */
export function checkAudience(input: SamlCheckInput, assertion: Element): void {
  const { findings, context } = input;
  const expected = context.sp?.entityId;
  const conditions = childNS(assertion, ns.assertion, 'Conditions');
  const restrictions = conditions ? childrenNS(conditions, ns.assertion, 'AudienceRestriction') : [];
  const where = label(assertion);
  const spec = `${core} §2.5.1.4 (AudienceRestriction); ${profiles} §4.1.4.2 (MUST contain an AudienceRestriction naming the SP)`;
  const fix = {
    side: 'idp' as const,
    text: `Set the SP entityID at the IdP to "${expected ?? "the SP's entityID"}" (exactly).`,
    topic: 'audience' as const,
  };
  if (restrictions.length === 0) {
    findings.problem(
      'saml.audience',
      'the assertion has no AudienceRestriction: it would be good at any SP that trusts this IdP, and careful SPs refuse it',
      { where, expected, spec, fix },
    );
    return;
  }
  // Each AudienceRestriction must name the SP (they are ANDed); within one, any Audience does (ORed).
  const lists = restrictions.map((r) =>
    childrenNS(r, ns.assertion, 'Audience').map((a) => a.textContent?.trim() ?? ''),
  );
  const actual = lists.map((l) => l.join(', ')).join(' AND ');
  if (!expected) {
    findings.ok('saml.audience', `the assertion is for ${actual} (no SP settings given to compare with)`, {
      where,
      actual,
      spec,
    });
    return;
  }
  const failing = lists.filter((l) => !l.includes(expected));
  // A warning only when every failing AudienceRestriction misses by the port alone.
  const portOnly = failing.map((l) =>
    l.map((a) => portOnlyDifference(a, [expected], 'the Audience', "the SP's entityID")).find(Boolean),
  );
  if (portOnly[0] && portOnly.every(Boolean)) {
    findings.warning('saml.audience', portOnly[0].text, { where, spec, ...portOnly[0].detail, actual });
    return;
  }
  if (failing.length > 0) {
    const near = lists
      .flat()
      .find((a) => a.replace(/\/$/, '').toLowerCase() === expected.replace(/\/$/, '').toLowerCase());
    findings.problem(
      'saml.audience',
      near
        ? `the Audience "${near}" differs from the SP's entityID only in case or a trailing slash: entityIDs are compared exactly`
        : `the assertion is for ${failing.map((l) => l.join(', ') || '(empty)').join(' and ')}, not for this SP (${expected})`,
      { where, expected, actual, spec, fix },
    );
    return;
  }
  findings.ok(
    'saml.audience',
    lists.flat().length > 1
      ? 'one of the audiences is the SP: accepted (an AudienceRestriction is satisfied by any of its Audiences)'
      : "the Audience is the SP's entityID",
    { where, expected, actual, spec },
  );
}

/** Subject and NameID: present, in a format the SP accepts, and with nothing hidden inside. */
export function checkSubject(input: SamlCheckInput, assertion: Element): void {
  const { findings, context, request } = input;
  const where = label(assertion);
  const subject = childNS(assertion, ns.assertion, 'Subject');
  if (!subject) {
    findings.problem(
      'saml.subject',
      'the assertion has no Subject: no user and no bearer confirmation, so no login',
      {
        where,
        spec: `${profiles} §4.1.4.2 (the assertion MUST contain a Subject with a bearer SubjectConfirmation)`,
        fix: {
          side: 'idp',
          text: 'The IdP must assert a Subject with a NameID and a bearer SubjectConfirmation.',
          topic: 'nameid-value',
        },
      },
    );
    return;
  }
  const bearer = childrenNS(subject, ns.assertion, 'SubjectConfirmation').filter(
    (c) => c.getAttribute('Method') === 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  );
  if (bearer.length === 0) {
    findings.problem(
      'saml.subject',
      'the Subject has no bearer SubjectConfirmation, which Web browser SSO requires',
      {
        where,
        spec: `${profiles} §4.1.4.2`,
        fix: {
          side: 'idp',
          text: 'The IdP must write a SubjectConfirmation with Method urn:oasis:names:tc:SAML:2.0:cm:bearer.',
        },
      },
    );
  } else {
    checkRecipient(input, assertion, bearer);
  }
  const nameId = childNS(subject, ns.assertion, 'NameID');
  if (!nameId) {
    const encrypted = childNS(subject, ns.assertion, 'EncryptedID');
    findings.problem(
      'saml.nameid',
      encrypted
        ? 'the NameID is encrypted (EncryptedID); give the SP decryption key to read it'
        : 'the Subject has no NameID: the SP has no identifier for the user',
      {
        where,
        spec: `${core} §2.4.1`,
        fix: {
          side: 'idp',
          text: 'Have the IdP send a NameID (Unique User Identifier).',
          topic: 'nameid-value',
        },
      },
    );
    return;
  }
  const value = nameId.textContent ?? '';
  const firstText = firstTextNode(nameId);
  findings.ok('saml.nameid', `the NameID is "${value.trim()}"`, {
    where,
    actual: value.trim(),
    spec: `${core} §2.2.3`,
  });
  checkHiddenContent(input, nameId, 'NameID', value, firstText, where);
  for (const attribute of elementsNS(assertion, ns.assertion, 'AttributeValue')) {
    const text = attribute.textContent ?? '';
    checkHiddenContent(
      input,
      attribute,
      `AttributeValue of ${(attribute.parentNode as Element).getAttribute('Name')}`,
      text,
      firstTextNode(attribute),
      where,
    );
  }
  const format = nameId.getAttribute('Format') || 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
  const accepted =
    request?.nameIdFormat && !request.nameIdFormat.endsWith(':unspecified')
      ? [request.nameIdFormat]
      : (context.sp?.nameIdFormats ?? []);
  const spec = `${core} §8.3 (NameID formats); §3.4.1.1 (NameIDPolicy)`;
  if (accepted.length > 0 && !accepted.includes(format)) {
    findings.problem(
      'saml.nameid.format',
      `the NameID format is ${short(format)}, which the SP does not accept (it accepts ${accepted.map(short).join(', ')})`,
      {
        where,
        expected: accepted.join(' or '),
        actual: format,
        spec,
        fix: {
          side: 'idp',
          text: `Set the NameID format at the IdP to ${accepted[0]}.`,
          topic: 'nameid-format',
        },
      },
    );
  } else {
    findings.ok(
      'saml.nameid.format',
      `the NameID format is ${short(format)}${accepted.length ? ', which the SP accepts' : ''}`,
      { where, expected: accepted.join(' or ') || undefined, actual: format, spec },
    );
  }
}

function checkRecipient(input: SamlCheckInput, assertion: Element, bearer: Element[]): void {
  const { findings, context, request, root } = input;
  const acs = context.sp?.acsUrls ?? [];
  const where = `${label(assertion)} SubjectConfirmationData`;
  const spec = `${profiles} §4.1.4.2 (Recipient MUST be the SP's assertion consumer service URL)`;
  const fix = {
    side: 'idp' as const,
    text: `Set the ACS / Recipient URL at the IdP to ${acs[0] ?? "the SP's ACS URL"}.`,
    topic: 'acs' as const,
  };
  const data = bearer.map((c) => childNS(c, ns.assertion, 'SubjectConfirmationData'));
  const recipients = data.flatMap((d) => d?.getAttribute('Recipient') || []);
  if (recipients.length === 0) {
    findings.problem(
      'saml.recipient',
      'the bearer SubjectConfirmationData names no Recipient, which Web browser SSO requires',
      { where, expected: acs[0], spec, fix },
    );
  } else if (acs.length > 0 && !recipients.some((r) => acs.includes(r))) {
    const near = recipients
      .map((r) => portOnlyDifference(r, acs, 'the Recipient', "the SP's ACS URL"))
      .find(Boolean);
    if (near) {
      findings.warning('saml.recipient', near.text, { where, spec, ...near.detail });
    } else
      findings.problem(
        'saml.recipient',
        `the assertion may be presented only at ${recipients.join(', ')}, not at the SP's ACS`,
        { where, expected: acs.join(' or '), actual: recipients.join(', '), spec, fix },
      );
  } else {
    findings.ok(
      'saml.recipient',
      acs.length ? "the Recipient is the SP's ACS URL" : `the Recipient is ${recipients.join(', ')}`,
      { where, expected: acs.join(' or ') || undefined, actual: recipients.join(', '), spec },
    );
  }
  const answered = data.flatMap((d) => d?.getAttribute('InResponseTo') || []);
  const responseAnswers = root.getAttribute('InResponseTo') || undefined;
  const expected = request?.id ?? responseAnswers;
  if (expected && answered.length > 0 && !answered.includes(expected)) {
    findings.problem(
      'saml.in-response-to',
      `the SubjectConfirmationData answers request ${answered.join(', ')}, not ${expected}`,
      {
        where,
        expected,
        actual: answered.join(', '),
        spec: `${profiles} §4.1.4.2 (InResponseTo MUST match the request's ID)`,
        fix: { side: 'idp', text: 'The IdP must write the AuthnRequest ID in both InResponseTo attributes.' },
      },
    );
  }
}

/**
 * Comments and processing instructions inside a value: canonicalization drops comments,
 * so the signature still holds, and an SP that reads the first text node sees less
 * (CVE-2017-11427 and relatives).
 */
function checkHiddenContent(
  input: SamlCheckInput,
  element: Element,
  what: string,
  full: string,
  firstText: string,
  where: string,
): void {
  const hidden = Array.from(element.childNodes).filter((n: Node) => n.nodeType === 7 || n.nodeType === 8);
  if (hidden.length === 0) {
    if (what === 'NameID') {
      input.findings.ok(
        'saml.nameid.hidden-content',
        'the NameID is plain text: what an SP reads is what was signed',
        { where },
      );
    }
    return;
  }
  const kinds = [
    ...new Set(hidden.map((n) => (n.nodeType === 8 ? 'a comment' : 'a processing instruction'))),
  ].join(' and ');
  input.findings.problem(
    'saml.nameid.hidden-content',
    `the ${what} holds ${kinds}: an SP that reads only the first text node sees "${firstText.trim()}", the whole value is "${full.trim()}"`,
    {
      where,
      expected: full.trim(),
      actual: firstText.trim(),
      spec: 'CVE-2017-11427 (comments inside signed values); XML Exclusive C14N drops comments, so the signature still verifies',
      fix: {
        side: 'sp',
        text: "Read the element's whole text content (all text nodes), not its first child; update the SAML library (ruby-saml ≥ 1.7, python-saml ≥ 2.4, OneLogin php ≥ 2.11).",
      },
    },
  );
}

function firstTextNode(element: Element): string {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) return node.nodeValue ?? '';
  }
  return '';
}

/** AuthnContextClassRef against the RequestedAuthnContext of the AuthnRequest. */
export function checkAuthnContext(input: SamlCheckInput, assertion: Element): void {
  const { findings, request } = input;
  const authn = childNS(assertion, ns.assertion, 'AuthnStatement');
  const where = label(assertion);
  if (!authn) {
    findings.problem(
      'saml.authn-context',
      'the assertion has no AuthnStatement: it does not say the user was authenticated',
      {
        where,
        spec: `${profiles} §4.1.4.2 (at least one AuthnStatement)`,
        fix: { side: 'idp', text: 'The IdP must include an AuthnStatement in the assertion of a login.' },
      },
    );
    return;
  }
  const classRef = authn.getElementsByTagNameNS(ns.assertion, 'AuthnContextClassRef')[0]?.textContent?.trim();
  const spec = `${core} §3.3.2.2.1 (RequestedAuthnContext comparison); SAML 2.0 Authentication Context`;
  const requested = request?.authnContext;
  if (!requested || requested.classRefs.length === 0) {
    if (classRef?.endsWith(':Password')) {
      findings.warning(
        'saml.authn-context',
        'the IdP says it authenticated with a plain password over an unprotected channel (Password, not PasswordProtectedTransport)',
        {
          where,
          actual: classRef,
          spec,
          fix: {
            side: 'idp',
            text: 'Check the authentication policy the IdP applies to this app.',
            topic: 'authn-context',
          },
        },
      );
    } else {
      findings.ok(
        'saml.authn-context',
        `the IdP authenticated with ${short(classRef ?? '(no AuthnContextClassRef)')}`,
        { where, actual: classRef, spec },
      );
    }
    return;
  }
  const comparison = requested.comparison || 'exact';
  const rank = (ref: string | undefined) => strength[ref?.replace(/^.*:/, '') ?? ''] ?? 0;
  const got = rank(classRef);
  const wanted = requested.classRefs.map(rank);
  const satisfied =
    comparison === 'exact'
      ? classRef !== undefined && requested.classRefs.includes(classRef)
      : comparison === 'minimum'
        ? got >= Math.min(...wanted)
        : comparison === 'better'
          ? got > Math.min(...wanted)
          : got <= Math.max(...wanted);
  const detail = {
    where,
    expected: `${comparison} ${requested.classRefs.map(short).join(', ')}`,
    actual: classRef,
    spec,
  };
  if (!satisfied) {
    findings.problem(
      'saml.authn-context',
      `the SP asked for ${comparison} ${requested.classRefs.map(short).join(', ')}, the IdP authenticated with ${short(classRef ?? '(none)')}`,
      {
        ...detail,
        fix: {
          side: 'idp',
          text: 'Make the IdP authenticate this app as strongly as the SP requests (its authentication policy), or have the SP request less.',
          topic: 'authn-context',
        },
      },
    );
  } else {
    findings.ok(
      'saml.authn-context',
      `the IdP authenticated with ${short(classRef ?? '')}, as the SP asked`,
      detail,
    );
  }
}

/** A rough order of common AuthnContext classes, for minimum/better/maximum comparisons. */
const strength: Record<string, number> = {
  unspecified: 0,
  InternetProtocol: 1,
  Password: 2,
  PasswordProtectedTransport: 3,
  PreviousSession: 3,
  TLSClient: 4,
  X509: 4,
  Kerberos: 4,
  MobileOneFactorContract: 4,
  TimeSyncToken: 5,
  MobileTwoFactorContract: 5,
  Smartcard: 5,
  SmartcardPKI: 6,
  'refeds.org/profile/mfa': 5,
};

/** Attributes the SP needs, present and not empty. */
export function checkAttributes(input: SamlCheckInput, assertion: Element): void {
  const { findings, context } = input;
  const required = context.sp?.requiredAttributes ?? [];
  const attributes = elementsNS(assertion, ns.assertion, 'Attribute');
  const names = attributes.map((a) => a.getAttribute('Name') ?? '');
  const friendly = attributes.map((a) => a.getAttribute('FriendlyName') ?? '');
  const where = label(assertion);
  const spec = `${core} §2.7.3 (AttributeStatement); SAML 2.0 Metadata §2.4.4.2 (RequestedAttribute isRequired)`;
  if (required.length === 0) {
    findings.ok(
      'saml.attributes',
      attributes.length
        ? `the assertion carries ${attributes.length} attributes: ${names.join(', ')}`
        : 'the assertion carries no attributes',
      { where, actual: names.join(', ') || undefined, spec },
    );
    return;
  }
  const missing = required.filter((name) => {
    const i = names.findIndex((n, k) => n === name || friendly[k] === name);
    return i < 0 || !(attributes[i]!.textContent ?? '').trim();
  });
  if (missing.length > 0) {
    const near = missing.flatMap((m) =>
      names
        .filter((n) => n.toLowerCase().endsWith(m.toLowerCase()) && n !== m)
        .map((n) => `"${n}" for "${m}"`),
    );
    findings.problem(
      'saml.attributes',
      `the SP needs ${missing.map((m) => `"${m}"`).join(', ')}, which the assertion does not carry${near.length ? ` (it has ${near.join(', ')}: the names must match exactly)` : ''}`,
      {
        where,
        expected: required.join(', '),
        actual: names.join(', ') || '(none)',
        spec,
        fix: {
          side: 'idp',
          text: `Add the attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')} to what the IdP sends this app, under exactly that name.`,
          topic: 'attributes',
        },
      },
    );
  } else {
    findings.ok('saml.attributes', `every attribute the SP needs is there (${required.join(', ')})`, {
      where,
      expected: required.join(', '),
      actual: names.join(', '),
      spec,
    });
  }
}

function short(uri: string): string {
  return uri.replace(/^urn:oasis:names:tc:SAML:(1\.1|2\.0):(nameid-format|ac:classes):/, '');
}
