export type { DemoSp, DemoSpOptions } from './app.ts';
export { createDemoSp } from './app.ts';
export type {
  ConnectionConfig,
  DemoSpConfig,
  MatchKey,
  OidcConnectionConfig,
  SamlConnectionConfig,
  UserConfig,
} from './config.ts';
export { defaultClockSkewSeconds, laxClockSkewSeconds } from './config.ts';
export type { DemoNames } from './defaults.ts';
export {
  defaultDemoSpConfig,
  demoHarnessProviders,
  demoPasswords,
  demoScimTokens,
  demoTenants,
} from './defaults.ts';
export type { RefusalReason } from './errors.ts';
export { DemoSpError, LoginRefused } from './errors.ts';
export type { FailureStyle } from './failure-styles.ts';
export { failureStyles, parseFailureStyle } from './failure-styles.ts';
export type { LaxName } from './lax.ts';
export { isStrictSwitch, laxNames, laxSwitches, parseLax } from './lax.ts';
