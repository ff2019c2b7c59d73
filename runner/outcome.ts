import type { ProbeConfig } from '../config/schema.ts';
import type { ProbeResponse } from './drivers/types.ts';
import {
  defaultIdentityTemplate,
  extractIdentity,
  pageText,
  selectorMatches,
  showsExactly,
} from './identity.ts';
import type { ProbeObservation } from './types.ts';

/**
 * The outcome table: what one probe answer means. The README's "How a verdict is read"
 * table is this table, row for row, in this order; the first row that applies decides.
 *
 * | row             | when                                                                      | outcome    |
 * | --------------- | ------------------------------------------------------------------------- | ---------- |
 * | `harness-page`  | the SP sent the probe to the harness (a new login): never followed, never read | no session |
 * | `other-origin`  | the probe ended on another origin than the probe URL's                     | no session |
 * | `status`        | the last answer is not 2xx (or not `probe.status`): 3xx, 4xx, 5xx          | no session |
 * | `final-url`     | `probe.finalUrl` is set and the final URL does not match it                | no session |
 * | `calibrated-url`| calibration saw the same page logged out at another URL, and this is not the logged-in one | no session |
 * | `selector`      | `probe.selector` is set and no element matches                             | no session |
 * | `no-identity`   | the page shows none of the identities asked about (exact, case-sensitive, token boundaries) | no session |
 * | `session`       | otherwise: a session, as the identity shown                                | session    |
 *
 * *Error* is not a row: an SP that could not be reached, a timeout, a scenario that could
 * not be set up, or a target that failed calibration never gets this far (`runner/execute.ts`).
 */
export type OutcomeRow =
  | 'harness-page'
  | 'other-origin'
  | 'status'
  | 'final-url'
  | 'calibrated-url'
  | 'selector'
  | 'no-identity'
  | 'session';

/** An identity the probe is asked about: who it is, and the text the SP shows for them. */
export interface IdentityCandidate {
  /**
   * What this identity is to the step: the expected user, the one it must not be, or
   * another account in play (a session as any of them is a session: `reject` fails on it).
   */
  role: 'expected' | 'forbidden' | 'other';
  /** The probe's `contains` template rendered for that user, e.g. alice@example.com. */
  shows: string;
}

/** What calibration learned about the target's probe, beyond its config. */
export interface LearnedProbe {
  /** The path the logged-in probe ends on, when the logged-out one shows an identity elsewhere. */
  sessionPath?: string | undefined;
}

export interface JudgeProbeInput {
  probe: ProbeConfig;
  response: ProbeResponse;
  candidates: readonly IdentityCandidate[];
  /** Origins served by the harness itself: pages there are never searched for an identity. */
  harnessOrigins: readonly string[];
  learned?: LearnedProbe | undefined;
}

const EXCERPT = 2048;

/**
 * Reads one probe answer through the outcome table. Pure: the same answer always gives the
 * same observation. Throws only for a target config that cannot be applied (an invalid
 * `probe.finalUrl` or `probe.identity.regex`), which the runner reports as `error`.
 */
export function judgeProbe(input: JudgeProbeInput): ProbeObservation {
  const { probe, response, candidates, learned } = input;
  const base = {
    url: response.url,
    status: response.status,
    finalUrl: response.finalUrl,
    contentType: response.contentType,
    bodyExcerpt: response.body.slice(0, EXCERPT),
  };
  const none = (row: Exclude<OutcomeRow, 'session'>, reason: string): ProbeObservation => ({
    ...base,
    row,
    reason,
    session: false,
    identity: undefined,
    asExpectedUser: false,
    asForbiddenIdentity: false,
  });
  const final = safeUrl(response.finalUrl);
  const probeOrigin = new URL(probe.url).origin;
  if (response.stoppedAtIdp || (final && input.harnessOrigins.includes(final.origin))) {
    return none('harness-page', `the SP sent the probe to the IdP for a new login (${response.finalUrl})`);
  }
  if (!final || final.origin !== probeOrigin) {
    return none('other-origin', `the probe ended on another origin (${response.finalUrl})`);
  }
  const statusOk =
    probe.status !== undefined
      ? response.status === probe.status
      : response.status >= 200 && response.status < 300;
  if (!statusOk) return none('status', `the SP answered ${response.status} at ${response.finalUrl}`);
  if (probe.finalUrl !== undefined && !finalUrlPattern(probe.finalUrl).test(response.finalUrl)) {
    return none(
      'final-url',
      `the final URL ${response.finalUrl} does not match probe.finalUrl ${probe.finalUrl}`,
    );
  }
  if (learned?.sessionPath !== undefined && final.pathname !== learned.sessionPath) {
    return none(
      'calibrated-url',
      `the probe ended at ${final.pathname}, where calibration saw the SP's logged-out page (logged in it ends at ${learned.sessionPath})`,
    );
  }
  const page = { body: response.body, contentType: response.contentType };
  if (probe.selector !== undefined && !selectorMatches(page, probe.selector)) {
    return none('selector', `no element matches probe.selector ${probe.selector} at ${response.finalUrl}`);
  }
  const shown = identitiesShown(probe, page, candidates);
  if (shown.identity === undefined) {
    const asked = candidates.map((c) => c.shows).join(' or ');
    return none('no-identity', `the page at ${response.finalUrl} shows no session of ${asked}`);
  }
  return {
    ...base,
    row: 'session',
    reason: `logged in as ${shown.identity}`,
    session: true,
    identity: shown.identity,
    asExpectedUser: shown.roles.has('expected'),
    asForbiddenIdentity: shown.roles.has('forbidden'),
  };
}

/** The identity the page shows, and which candidates it is. */
function identitiesShown(
  probe: ProbeConfig,
  page: { body: string; contentType: string | undefined },
  candidates: readonly IdentityCandidate[],
): { identity: string | undefined; roles: Set<IdentityCandidate['role']> } {
  if (probe.identity) {
    const identity = extractIdentity(probe.identity, page);
    const roles = new Set(candidates.filter((c) => c.shows === identity).map((c) => c.role));
    return { identity, roles };
  }
  const text = pageText(page);
  const found = candidates.filter((c) => showsExactly(text, c.shows));
  // The forbidden identity first: a page that shows it has handed it out, whatever else it shows.
  const rank = { forbidden: 0, expected: 1, other: 2 } as const;
  found.sort((a, b) => rank[a.role] - rank[b.role]);
  return { identity: found[0]?.shows, roles: new Set(found.map((c) => c.role)) };
}

/** The probe's identity template: `contains`, or the default {{user.email}}. */
export function identityTemplate(probe: ProbeConfig): string {
  return probe.contains ?? defaultIdentityTemplate;
}

function finalUrlPattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    throw new Error(
      `probe.finalUrl ${JSON.stringify(source)} is not a valid regular expression: ${(error as Error).message}`,
    );
  }
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
