import type { FaultRef } from '../idp/flows.ts';
import type { ScimExchange } from '../idp/scim/client.ts';
import type { TraceEntry } from '../idp/trace.ts';
import type { Calibration } from './calibrate.ts';
import type { OutcomeRow } from './outcome.ts';

export type Verdict = 'pass' | 'fail' | 'error' | 'skipped';

/** One HTTP exchange the driver made, as evidence. */
export interface HttpStep {
  index: number;
  method: string;
  url: string;
  /** Form fields sent (POST), values as sent. */
  form?: Record<string, string> | undefined;
  status: number;
  /** Location of a redirect. */
  location?: string | undefined;
  contentType?: string | undefined;
  /** The first 4 KB of the raw response body. */
  bodyExcerpt?: string | undefined;
  /** Names of the cookies the answer set (Set-Cookie), never their values; SP-side steps only. */
  setCookies?: string[] | undefined;
  /** The answer as a reader sees it (HTML rendered to text), at most 16 KB; SP-side steps only. */
  bodyText?: string | undefined;
  /** Why the driver made this request: navigate, redirect, auto-post form, probe, replay. */
  cause: 'navigate' | 'redirect' | 'form' | 'probe' | 'replay';
  durationMs: number;
}

/** What the probe saw, read through the outcome table (`runner/outcome.ts`). */
export interface ProbeObservation {
  url: string;
  status: number;
  finalUrl: string;
  contentType?: string | undefined;
  bodyExcerpt: string;
  /** The outcome table's row that decided. */
  row: OutcomeRow;
  /** That row in words. */
  reason: string;
  /** The SP showed a session (row `session`). */
  session: boolean;
  /** The identity the SP showed, exactly as shown; undefined without a session. */
  identity: string | undefined;
  /** The session is the expected user's. */
  asExpectedUser: boolean;
  /** The session is (also) the forbidden identity's (not-as expectations). */
  asForbiddenIdentity?: boolean | undefined;
}

export interface StepResult {
  /** `scim`: a provisioning request (or a check of the SP's SCIM state), runner/scim/. */
  action:
    | 'login'
    | 'replay'
    | 'logout'
    | 'probe'
    | 'wait'
    | 'backchannel-logout'
    | 'frontchannel-logout'
    | 'idp-logout'
    | 'scim';
  expect: 'accept' | 'reject' | 'not-as';
  verdict: Verdict;
  observed: string;
  probe?: ProbeObservation | undefined;
  /** What the step did, in words (SCIM steps: "deactivate subject (PATCH Replace active "False")"). */
  title?: string | undefined;
  /** The SCIM exchanges of the step, secrets masked. */
  exchanges?: ScimExchange[] | undefined;
}

/**
 * A timing scenario's measure (`expect: { withinSkew }`): the time it moved, which way and how
 * far, the clock skew the target declared, and what that made the expectation.
 */
export interface TimingResult {
  /** The time in the spec's words, e.g. "Conditions NotOnOrAfter" or "exp". */
  field: string;
  /** `future`: ahead of the SP's clock; `past`: already passed. */
  direction: 'future' | 'past';
  /** How far off, in seconds. */
  seconds: number;
  /** `targets.<t>.clockSkewSeconds` when the job was planned. */
  declaredSkewSeconds: number;
  /** What a correct SP does here; absent when the scenario was not judged (at the skew exactly). */
  expect?: 'accept' | 'reject' | undefined;
  /** The rule in words ("2 min late, beyond the declared 60 s clock skew ..."). */
  note?: string | undefined;
}

export interface ScenarioResult {
  /** `<scenario id> @ <target>`: unique within a run. */
  key: string;
  scenarioId: string;
  title: string;
  /** `scim` for provisioning and SCIM conformance scenarios (their logins use the connection's protocol). */
  protocol: 'saml' | 'oidc' | 'scim';
  target: string;
  connection: string | undefined;
  provider: string | undefined;
  user: string | undefined;
  driver: 'http' | 'browser';
  verdict: Verdict;
  /** What a correct SP does, in words. */
  expected: string;
  /** What this SP did, in words. */
  observed: string;
  /** Why the verdict (for error: what stopped the judgement). */
  reason: string;
  faults: FaultRef[];
  /** The one-line explanation of each fault. */
  faultSummaries: string[];
  tags: string[];
  why: string;
  refs: string[];
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  http: HttpStep[];
  trace: TraceEntry[];
  /** PNG screenshot (base64) from the browser driver on fail or error, or always with `screenshots: 'all'`. */
  screenshot?: string | undefined;
  /** Path of the Playwright trace (browser driver with a trace folder, on fail or error). */
  playwrightTrace?: string | undefined;
  flowId?: string | undefined;
  /** Timing scenarios only: what was moved and how far (runner/timing/). */
  timing?: TimingResult | undefined;
  /** How to read the verdict when the scenario reproduces a customer's report (tag `reproduction`: Compose, Explain). */
  reproduction?: ReproductionReading | undefined;
}

/**
 * A reproduction's result in its own words. The verdict stays as judged; this says what
 * it means for the customer's report.
 */
export interface ReproductionReading {
  /**
   * reproduced: the SP did what the customer saw (the verdict passed); not-reproduced: it
   * did something else (fail); not-judged: the run could not tell (error) or did not run (skipped).
   */
  outcome: 'reproduced' | 'not-reproduced' | 'not-judged';
  /** What the reproduction looked for: "no session at demo-sp when the IdP commits saml.audience". */
  what: string;
  /** The outcome in one line, for lists and the CLI: "reproduced: …", "not reproduced: …", "not judged: …". */
  line: string;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  durationMs: number;
}

export interface RunRecord {
  id: string;
  status: 'running' | 'finished' | 'interrupted';
  startedAt: string;
  finishedAt?: string | undefined;
  /** Process that ran it: a 'running' record whose process is gone was interrupted. */
  pid: number;
  options: {
    targets: string[];
    driver: 'http' | 'browser';
    workers: number;
    grep?: string | undefined;
    tags?: string[] | undefined;
    protocol?: string | undefined;
    shard?: string | undefined;
    suite?: string | undefined;
    /** Every scenario of the run reproduces a customer's report (Compose, Explain): read reproduced / not reproduced. */
    reproduction?: boolean | undefined;
  };
  summary: RunSummary;
  /** Each target's calibration: what session and no session look like there. */
  calibrations: Calibration[];
  results: ScenarioResult[];
  /** Reporters that threw, by name: recorded, never fatal. */
  reporterErrors: string[];
}

export function summarize(results: readonly ScenarioResult[], durationMs: number): RunSummary {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  return {
    total: results.length,
    passed: count('pass'),
    failed: count('fail'),
    errored: count('error'),
    skipped: count('skipped'),
    durationMs,
  };
}
