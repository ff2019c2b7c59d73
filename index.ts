/**
 * sso-harness: a mock SAML 2.0 and OpenID Connect identity provider that replays failure
 * scenarios against your service provider. This is the whole public API.
 *
 * @example
 * import { startHarness } from 'sso-harness';
 * const harness = await startHarness({ config: 'sso-harness.config.ts', port: 0 });
 * const record = await harness.run({ tags: ['signature'] });
 * console.log(record.summary);
 * await harness.close();
 */

export { defineConfig } from './config/define.ts';
export { ConfigError } from './config/errors.ts';
export { loadConfig } from './config/load.ts';
export type { Config, ConfigInput, ProviderConfig, TargetConfig, UserConfig } from './config/schema.ts';
export { faultRegistry } from './idp/faults/index.ts';
export type { FaultDefinition } from './idp/faults/types.ts';
export type { FaultRef } from './idp/flows.ts';
export type { TraceEntry } from './idp/trace.ts';
export type {
  Harness,
  HarnessFlow,
  HarnessFlowSpec,
  HarnessRunOptions,
  StartHarnessOptions,
} from './runner/harness.ts';
export { startHarness } from './runner/harness.ts';
export { htmlReporter, jsonReporter, junitReporter, listReporter } from './runner/reporters/index.ts';
export type { Reporter } from './runner/reporters/types.ts';
export type { ReproductionReading, RunRecord, RunSummary, ScenarioResult, Verdict } from './runner/types.ts';
export { defineScenario } from './scenarios/define.ts';
export { catalog } from './scenarios/index.ts';
export type { Expectation, Scenario, ScenarioInput } from './scenarios/schema.ts';
