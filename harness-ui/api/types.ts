/** Types of the API's answers. Types only: the UI imports nothing else from the project. */

export type { ConnectionConfig, ProbeConfig, TargetConfig } from '../../config/schema.ts';
export type { ExplainRequest } from '../../explain/api.ts';
export type {
  Check,
  CheckStatus,
  ExplainedMessage,
  Explanation,
  FlowStep,
  Reproduction as ExplainReproduction,
} from '../../explain/types.ts';
export type {
  AboutAnswer,
  ApiErrorBody,
  ProviderListing,
  ProvisioningAnswer,
  ProvisioningProvidersAnswer,
  ProvisioningState,
  TraceExport,
  UserSummary,
} from '../../idp/api/types.ts';
export type { ProviderEndpoint, ProviderInfo } from '../../idp/context.ts';
export type { FaultRef } from '../../idp/flows.ts';
export type { TraceDirection, TraceEntry, TraceSignature } from '../../idp/trace.ts';
export type {
  DriverListing,
  FaultListing,
  ImportMetadataAnswer,
  Reproduction,
  ReproductionFile,
  ResultSummary,
  RunEvent,
  RunOptionsAnswer,
  RunRequest,
  RunStarted,
  ScenariosAnswer,
  SuiteListing,
  TargetListing,
  ValidationAnswer,
} from '../../runner/api/types.ts';
export type {
  ComparedResult,
  ComparedRun,
  ComparedSide,
  ResultChange,
  RunComparison,
} from '../../runner/compare.ts';
export type { RunListing } from '../../runner/history.ts';
export type { RunBeginInfo } from '../../runner/reporters/types.ts';
export type { ClockSkewAllowance } from '../../runner/timing/allowance.ts';
export type {
  HttpStep,
  ProbeObservation,
  ReproductionReading,
  RunRecord,
  ScenarioResult,
  Verdict,
} from '../../runner/types.ts';
export type { Expectation, Scenario, ScenarioInput } from '../../scenarios/schema.ts';
