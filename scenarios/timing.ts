import { timeDirectionWords as directionWords, secondsInWords as inWords } from '../lib/time-words.ts';
import type { ScenarioInput, Timing } from './schema.ts';

/**
 * The timing scenarios: every time field of both protocols, moved by each distance, judged
 * against the clock skew the target declares (`expect: { withinSkew }`, runner/timing/).
 * Generated from two tables so that a field or a distance is added in one place.
 */

/** How far a time is moved, with the id suffix that names it. Seconds. */
const distances: readonly (readonly [seconds: number, suffix: string])[] = [
  [30, '30s'],
  [60, '60s'],
  [120, '2m'],
  [180, '3m'],
  [600, '10m'],
  [3600, '1h'],
];

interface TimingField {
  protocol: 'saml' | 'oidc';
  /** Middle part of the ids: `<protocol>.time.<slug>.<late|ahead>-<distance>`. */
  slug: string;
  /** The time in the spec's words. */
  field: string;
  direction: Timing['direction'];
  /** The fault that moves it, with its parameters for a distance in seconds. */
  fault: string;
  params: (seconds: number) => Record<string, unknown>;
  title: (words: string) => string;
  why: string;
  refs: string[];
  tags?: string[];
}

const samlTime = ['SAML 2.0 Core §1.3.3 (time values)'];

const fields: readonly TimingField[] = [
  {
    protocol: 'saml',
    slug: 'conditions-not-before',
    field: 'Conditions NotBefore',
    direction: 'future',
    fault: 'saml.not-before-future',
    params: (seconds) => ({ seconds }),
    title: (w) => `Conditions NotBefore ${w} in the future`,
    why: "The assertion becomes valid only after the SP's clock says now, as when the IdP's clock runs ahead. Within its clock skew a correct SP accepts (with none, users fail whenever the IdP's clock is a little ahead); beyond it, it refuses an assertion made for later.",
    refs: ['SAML 2.0 Core §2.5.1.2 (NotBefore and NotOnOrAfter)', ...samlTime],
  },
  {
    protocol: 'saml',
    slug: 'conditions-not-on-or-after',
    field: 'Conditions NotOnOrAfter',
    direction: 'past',
    fault: 'saml.assertion-expired',
    params: (secondsAgo) => ({ secondsAgo }),
    title: (w) => `Conditions NotOnOrAfter passed ${w} ago`,
    why: "The assertion's validity window ended before it reached the SP (a slow user, a re-posted form, an IdP clock behind). Within its clock skew a correct SP still accepts; beyond it, it refuses the expired assertion.",
    refs: ['SAML 2.0 Core §2.5.1.2 (NotBefore and NotOnOrAfter)', ...samlTime],
  },
  {
    protocol: 'saml',
    slug: 'subject-confirmation-not-on-or-after',
    field: 'SubjectConfirmationData NotOnOrAfter',
    direction: 'past',
    fault: 'saml.subject-confirmation-expired',
    params: (secondsAgo) => ({ secondsAgo }),
    title: (w) => `Bearer SubjectConfirmationData NotOnOrAfter passed ${w} ago`,
    why: 'The Conditions are still valid, but the window in which the browser may present this bearer assertion is over. SPs that check only Conditions miss it; within its clock skew a correct SP accepts, beyond it, it refuses.',
    refs: [
      'SAML 2.0 Profiles §4.1.4.2 and §4.1.4.3 (NotOnOrAfter of the bearer confirmation)',
      'SAML 2.0 Core §2.4.1.2',
      ...samlTime,
    ],
  },
  {
    protocol: 'saml',
    slug: 'session-not-on-or-after',
    field: 'AuthnStatement SessionNotOnOrAfter',
    direction: 'past',
    fault: 'saml.session-expired',
    params: (secondsAgo) => ({ secondsAgo }),
    title: (w) => `SessionNotOnOrAfter passed ${w} ago`,
    why: 'The IdP says the session it authenticated has already ended. A correct SP does not start a session beyond SessionNotOnOrAfter (allowing its clock skew).',
    refs: ['SAML 2.0 Core §2.7.2 (SessionNotOnOrAfter)', ...samlTime],
    tags: ['session'],
  },
  {
    protocol: 'saml',
    slug: 'issue-instant',
    field: 'IssueInstant',
    direction: 'future',
    fault: 'saml.issue-instant',
    params: (offsetSeconds) => ({ offsetSeconds }),
    title: (w) => `IssueInstant ${w} in the future`,
    why: 'The Response and Assertion claim to be issued later than now while their validity windows are current: an IdP clock ahead, or a forgery. Within its clock skew a correct SP accepts; beyond it, it refuses a message from the future.',
    refs: ['SAML 2.0 Core §2.3.3 and §3.2.2 (IssueInstant)', ...samlTime],
  },
  {
    protocol: 'oidc',
    slug: 'exp',
    field: 'exp',
    direction: 'past',
    fault: 'oidc.id-token.expired',
    params: (secondsAgo) => ({ secondsAgo }),
    title: (w) => `id_token exp passed ${w} ago`,
    why: 'The id_token expired before the RP validated it. RFC 7519 allows "some small leeway" for clock skew: within it a correct RP accepts; beyond it, it refuses the expired token (a wide tolerance lets a stolen token live on).',
    refs: ['OIDC Core §3.1.3.7 (ID Token Validation) step 9', 'RFC 7519 §4.1.4 (exp)'],
    tags: ['tokens'],
  },
  {
    protocol: 'oidc',
    slug: 'iat',
    field: 'iat',
    direction: 'future',
    fault: 'oidc.id-token.issued-at',
    params: (offsetSeconds) => ({ offsetSeconds }),
    title: (w) => `id_token iat ${w} in the future`,
    why: 'The token claims to be issued later than now: an IdP clock ahead or a pre-minted token. Within its clock skew a correct RP accepts; beyond it, it refuses.',
    refs: [
      'OIDC Core §3.1.3.7 (ID Token Validation) step 10 (iat too far away from the current time)',
      'RFC 7519 §4.1.6 (iat)',
    ],
    tags: ['tokens'],
  },
  {
    protocol: 'oidc',
    slug: 'nbf',
    field: 'nbf',
    direction: 'future',
    fault: 'oidc.id-token.not-before',
    params: (secondsAhead) => ({ secondsAhead }),
    title: (w) => `id_token nbf ${w} in the future`,
    why: 'nbf says the token becomes valid only later (Entra sends nbf). Within its clock skew a correct RP accepts; beyond it, it refuses the token that is not valid yet.',
    refs: ['RFC 7519 §4.1.5 (nbf)'],
    tags: ['tokens'],
  },
  {
    protocol: 'oidc',
    slug: 'auth-time',
    field: 'auth_time',
    direction: 'future',
    fault: 'oidc.id-token.auth-time',
    params: (offsetSeconds) => ({ offsetSeconds }),
    title: (w) => `id_token auth_time ${w} in the future`,
    why: 'The id_token says the user authenticated at a time that has not come yet: an IdP clock ahead, or a made-up token. An RP that compares auth_time with max_age computes a negative age and never asks for a new login. Within its clock skew a correct RP accepts; beyond it, it refuses.',
    refs: [
      'OIDC Core §2 (auth_time: when the authentication occurred)',
      'OIDC Core §3.1.3.7 step 13 (max_age)',
    ],
    tags: ['tokens'],
  },
];

function scenarioFor(f: TimingField, seconds: number, suffix: string): ScenarioInput {
  const words = inWords(seconds);
  const direction = directionWords[f.direction];
  return {
    id: `${f.protocol}.time.${f.slug}.${direction}-${suffix}`,
    title: f.title(words),
    protocol: f.protocol,
    faults: [{ fault: f.fault, params: f.params(seconds) }],
    expect: { withinSkew: { field: f.field, direction: f.direction, seconds } },
    tags: ['time', 'timing-distance', ...(f.tags ?? [])],
    why: `${f.why} Here ${words} ${direction}: judged against the clock skew the target declares (targets.<name>.clockSkewSeconds).`,
    refs: f.refs,
    caughtBy: ['clock-skew'],
  };
}

/** Every timing field at every distance, for one protocol. */
export function timingScenarios(protocol: 'saml' | 'oidc'): ScenarioInput[] {
  return fields
    .filter((f) => f.protocol === protocol)
    .flatMap((f) => distances.map(([seconds, suffix]) => scenarioFor(f, seconds, suffix)));
}
