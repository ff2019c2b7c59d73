import type { TargetConfig } from '../../config/schema.ts';
import type { Scenario, ScenarioInput } from '../../scenarios/schema.ts';
import type { Calibration } from '../calibrate.ts';
import type { RunListing } from '../history.ts';
import type { RunBeginInfo } from '../reporters/types.ts';
import type { ClockSkewAllowance } from '../timing/allowance.ts';
import type { HttpStep, RunRecord, ScenarioResult } from '../types.ts';

/** The answers of the runner part of the API, as the UI reads them. */

export interface FaultListing {
  name: string;
  protocol: 'saml' | 'oidc';
  stage: string;
  summary: string;
  /** JSON Schema of the fault's parameters (the UI renders a form from it). */
  paramsSchema: Record<string, unknown>;
}

export interface SuiteListing {
  name: string;
  ids?: string[] | undefined;
  tags?: string[] | undefined;
  grep?: string | undefined;
}

export interface ScenariosAnswer {
  scenarios: Scenario[];
  suites: SuiteListing[];
}

export interface TargetListing {
  id: string;
  /** What session and no session look like there, from this server's latest run; absent until a run calibrates it. */
  calibration?: Calibration | undefined;
  /** `config`: from the config file, read-only here; `saved`: made in the UI, editable. */
  source: 'config' | 'saved';
  target: TargetConfig;
  savedAt?: string | undefined;
  /** The SP registered from metadata for this target, if it was imported. */
  sp?:
    | {
        provider: string;
        name: string;
        source: 'url' | 'upload' | 'paste' | 'manual';
        metadataUrl?: string | undefined;
      }
    | undefined;
}

export interface ImportMetadataAnswer {
  target: TargetListing;
  metadata: {
    entityId: string;
    acsUrls: string[];
    signingCertificates: number;
    encryptionCertificates: number;
    authnRequestsSigned: boolean;
  };
}

/** What the SP sent when the harness opened its login URL. */
export interface ValidationAnswer {
  connection: string;
  loginUrl: string;
  /** Whether the SP sent the browser to the provider this connection trusts. */
  ok: boolean;
  /** One line per finding, worst first. */
  findings: string[];
  status: number | undefined;
  /** Where the SP's first answer redirected to. */
  redirect: string | undefined;
  /** The login request the SP sent to the IdP, decoded. */
  request:
    | {
        kind: 'AuthnRequest' | 'authorization request';
        binding: string;
        decoded: string;
        provider: string | undefined;
      }
    | undefined;
  /** Errors the IdP answered the request with (unknown SP, bad signature, ...). */
  idpErrors: string[];
  steps: HttpStep[];
}

export interface DriverListing {
  name: 'http' | 'browser';
  available: boolean;
  reason?: string | undefined;
}

export interface RunOptionsAnswer {
  drivers: DriverListing[];
}

export interface RunRequest {
  target: string;
  /** Exact scenario ids. */
  scenarios?: string[] | undefined;
  suite?: string | undefined;
  tags?: string[] | undefined;
  protocol?: 'saml' | 'oidc' | undefined;
  grep?: string | undefined;
  driver?: 'http' | 'browser' | undefined;
  /** An ad-hoc scenario (Compose): run it alone. */
  scenario?: ScenarioInput | undefined;
  /** Browser screenshots of failed results, or of all (default `all` for an ad-hoc scenario, else `failures`). */
  screenshots?: 'failures' | 'all' | undefined;
}

export interface RunStarted {
  id: string;
  total: number;
}

/** A result without its bulky evidence, as the live stream sends it. */
export type ResultSummary = Omit<ScenarioResult, 'trace' | 'http' | 'screenshot'> & {
  hasScreenshot: boolean;
};

/** Events of `GET /api/runs/:id/events`, in order: begin, result*, end. */
export type RunEvent =
  | { type: 'begin'; info: RunBeginInfo }
  | { type: 'result'; result: ResultSummary; progress: { done: number; total: number } }
  | {
      type: 'end';
      summary: RunRecord['summary'];
      status: RunRecord['status'];
      /** The effective clock-skew allowance the run's timing scenarios measured (runner/timing/). */
      clockSkew: ClockSkewAllowance[];
    };

export type RunsAnswer = RunListing[];

export interface Reproduction {
  id: string;
  title: string;
  savedAt: string;
  /** The composed scenario, as data. */
  scenario: ScenarioInput;
  /** The target it was run against, when it was run. */
  target?: string | undefined;
  driver?: 'http' | 'browser' | undefined;
}

/** A reproduction file as exported and imported. */
export interface ReproductionFile {
  schema: 'sso-harness/reproduction@1';
  reproduction: Reproduction;
}

export type { RunListing, RunRecord, ScenarioResult };
