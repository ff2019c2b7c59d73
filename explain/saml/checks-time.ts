import type { Element } from '@xmldom/xmldom';
import { ns } from '../../idp/saml/constants.ts';
import { explainDefaults } from '../defaults.ts';
import type { Findings } from '../findings.ts';
import { duration, iso, parseInstant, relative } from '../time.ts';
import type { SamlCheckInput } from './model.ts';
import { childNS, childrenNS, label } from './parse.ts';

const core = 'SAML 2.0 Core';
const clockFix = {
  side: 'idp' as const,
  text: "Check the IdP's clock (NTP) and the SP's; if both are right, the message was held back or replayed.",
};

/**
 * Every time window of a response against the capture time, allowing the clock skew:
 * IssueInstant (Response and Assertion), Conditions NotBefore / NotOnOrAfter,
 * SubjectConfirmationData NotOnOrAfter, AuthnStatement SessionNotOnOrAfter.
 */
export function checkResponseTimes(input: SamlCheckInput, assertion: Element | undefined): void {
  const { findings, now, skewMs } = input;
  issueInstant(findings, input.root, now, skewMs, 'Response');
  if (!assertion) return;
  issueInstant(findings, assertion, now, skewMs, 'Assertion');
  const conditions = childNS(assertion, ns.assertion, 'Conditions');
  const issued = parseInstant(assertion.getAttribute('IssueInstant') ?? undefined);
  if (!conditions) {
    findings.warning(
      'saml.time.not-on-or-after',
      'the assertion has no Conditions, so no validity window: SPs cannot bound how long it is good',
      {
        where: label(assertion),
        spec: `${core} §2.5.1`,
        fix: {
          side: 'idp',
          text: 'Have the IdP write Conditions NotBefore and NotOnOrAfter (an assertion lifetime of a few minutes).',
          topic: 'session',
        },
      },
    );
  } else {
    notBefore(findings, conditions, now, skewMs, label(assertion));
    notOnOrAfter(
      findings,
      conditions,
      now,
      skewMs,
      label(assertion),
      issued,
      'saml.time.not-on-or-after',
      'Conditions NotOnOrAfter',
      `${core} §2.5.1.2`,
    );
  }
  const subject = childNS(assertion, ns.assertion, 'Subject');
  for (const confirmation of subject ? childrenNS(subject, ns.assertion, 'SubjectConfirmation') : []) {
    const data = childNS(confirmation, ns.assertion, 'SubjectConfirmationData');
    if (!data) continue;
    if (data.hasAttribute('NotBefore')) {
      findings.warning(
        'saml.time.confirmation',
        'the bearer SubjectConfirmationData has a NotBefore, which the Web SSO profile forbids; strict SPs refuse it',
        {
          where: `${label(assertion)} SubjectConfirmationData`,
          actual: data.getAttribute('NotBefore') ?? '',
          spec: 'SAML 2.0 Profiles §4.1.4.2 (MUST NOT contain a NotBefore attribute)',
          fix: { side: 'idp', text: 'Leave NotBefore out of the bearer SubjectConfirmationData.' },
        },
      );
    }
    if (!data.hasAttribute('NotOnOrAfter')) {
      findings.problem(
        'saml.time.confirmation',
        'the bearer SubjectConfirmationData has no NotOnOrAfter: the window in which it may be delivered is unbounded',
        {
          where: `${label(assertion)} SubjectConfirmationData`,
          spec: 'SAML 2.0 Profiles §4.1.4.2 (MUST contain ... a NotOnOrAfter attribute)',
          fix: { side: 'idp', text: 'Have the IdP write SubjectConfirmationData NotOnOrAfter.' },
        },
      );
      continue;
    }
    notOnOrAfter(
      findings,
      data,
      now,
      skewMs,
      `${label(assertion)} SubjectConfirmationData`,
      issued,
      'saml.time.confirmation',
      'SubjectConfirmationData NotOnOrAfter',
      'SAML 2.0 Profiles §4.1.4.3 and Core §2.4.1.2',
    );
  }
  const authn = childNS(assertion, ns.assertion, 'AuthnStatement');
  const session = parseInstant(authn?.getAttribute('SessionNotOnOrAfter') ?? undefined);
  if (authn && session !== undefined) {
    const where = `${label(assertion)} AuthnStatement`;
    const detail = {
      where,
      expected: `after ${iso(now)}`,
      actual: iso(session),
      spec: `${core} §2.7.2 (SessionNotOnOrAfter)`,
    };
    const fix = {
      side: 'idp' as const,
      text: "The IdP's session lifetime is shorter than its assertions' (or its clock is off): lengthen the session or shorten the assertion lifetime.",
      topic: 'session' as const,
    };
    if (issued !== undefined && session <= issued) {
      findings.problem(
        'saml.time.session',
        `the IdP says the user's session ended ${relative(session, issued)} it issued the assertion: the SP must not start a session from it`,
        { ...detail, fix },
      );
    } else if (session <= now - skewMs) {
      findings.problem(
        'saml.time.session',
        `the IdP says the user's session ended ${relative(session, now)} the capture time: the SP must not start a session from it`,
        { ...detail, fix },
      );
    } else if (session <= now) {
      findings.warning(
        'saml.time.session',
        `the IdP's session ended ${duration(now - session)} before the capture time: accepted only within the clock skew`,
        { ...detail, fix },
      );
    } else {
      findings.ok(
        'saml.time.session',
        `SessionNotOnOrAfter lies ${duration(session - now)} after the capture time`,
        detail,
      );
    }
  }
}

function issueInstant(findings: Findings, element: Element, now: number, skewMs: number, what: string): void {
  const raw = element.getAttribute('IssueInstant') ?? undefined;
  const at = parseInstant(raw);
  const where = label(element);
  const spec = `${core} §${what === 'Response' ? '3.2.2' : '2.3.3'} (IssueInstant), §1.3.3 (times in UTC)`;
  if (at === undefined) {
    findings.problem(
      'saml.time.issue-instant',
      raw
        ? `the ${what} IssueInstant "${raw}" is not an xs:dateTime`
        : `the ${what} has no IssueInstant, which is required`,
      { where, spec },
    );
    return;
  }
  if (raw && !/(Z|[+-]00:00)$/.test(raw)) {
    findings.warning(
      'saml.time.issue-instant',
      `the ${what} IssueInstant "${raw}" is not in UTC: SAML times must end in Z`,
      { where, spec, fix: { side: 'idp', text: 'Write every instant in UTC with a trailing Z.' } },
    );
  }
  const maxAge = explainDefaults.maxResponseAgeSeconds * 1000;
  const detail = { where, expected: `within ${duration(skewMs)} of ${iso(now)}`, actual: raw, spec };
  if (at > now + skewMs) {
    findings.problem(
      'saml.time.issue-instant',
      `the ${what} was issued ${duration(at - now)} after the capture time: it comes from the future, beyond the ${duration(skewMs)} clock skew allowed`,
      { ...detail, fix: clockFix },
    );
  } else if (at < now - skewMs - maxAge) {
    findings.problem(
      'saml.time.issue-instant',
      `the ${what} was issued ${duration(now - at)} before the capture time: SPs refuse responses older than about ${duration(maxAge)}`,
      { ...detail, fix: clockFix },
    );
  } else if (Math.abs(at - now) > skewMs / 2 && at > now) {
    findings.warning(
      'saml.time.issue-instant',
      `the ${what} was issued ${duration(at - now)} after the capture time: within the skew allowed, but the clocks differ`,
      { ...detail, fix: clockFix },
    );
  } else {
    findings.ok(
      'saml.time.issue-instant',
      `the ${what} was issued ${relative(at, now)} the capture time`,
      detail,
    );
  }
}

function notBefore(
  findings: Findings,
  conditions: Element,
  now: number,
  skewMs: number,
  where: string,
): void {
  const at = parseInstant(conditions.getAttribute('NotBefore') ?? undefined);
  if (at === undefined) return;
  const detail = {
    where: `${where} Conditions`,
    expected: `at or before ${iso(now + skewMs)}`,
    actual: iso(at),
    spec: `${core} §2.5.1.2 (NotBefore)`,
  };
  if (at > now + skewMs) {
    findings.problem(
      'saml.time.not-before',
      `the assertion becomes valid only ${duration(at - now)} after the capture time, beyond the ${duration(skewMs)} skew: the SP refuses it as not yet valid`,
      { ...detail, fix: clockFix },
    );
  } else if (at > now) {
    findings.warning(
      'saml.time.not-before',
      `the assertion becomes valid ${duration(at - now)} after the capture time: accepted only by SPs that allow that much clock skew`,
      { ...detail, fix: clockFix },
    );
  } else {
    findings.ok(
      'saml.time.not-before',
      `the assertion was valid from ${relative(at, now)} the capture time`,
      detail,
    );
  }
}

function notOnOrAfter(
  findings: Findings,
  element: Element,
  now: number,
  skewMs: number,
  where: string,
  issued: number | undefined,
  id: string,
  name: string,
  spec: string,
): void {
  const at = parseInstant(element.getAttribute('NotOnOrAfter') ?? undefined);
  if (at === undefined) return;
  const detail = { where, expected: `after ${iso(now - skewMs)}`, actual: iso(at), spec };
  if (issued !== undefined && at <= issued) {
    findings.problem(
      id,
      `${name} is ${relative(at, issued)} the assertion's IssueInstant: the IdP issued it already expired`,
      {
        ...detail,
        fix: {
          side: 'idp',
          text: 'The IdP writes a validity window that ends before it starts: check its assertion lifetime setting and its clock.',
          topic: 'session',
        },
      },
    );
  } else if (at <= now - skewMs) {
    findings.problem(
      id,
      `${name} passed ${duration(now - at)} before the capture time (more than the ${duration(skewMs)} skew): the SP refuses it as expired`,
      { ...detail, fix: clockFix },
    );
  } else if (at <= now) {
    findings.warning(
      id,
      `${name} passed ${duration(now - at)} before the capture time: accepted only within the clock skew`,
      { ...detail, fix: clockFix },
    );
  } else {
    findings.ok(id, `${name} lies ${duration(at - now)} after the capture time`, detail);
  }
}
