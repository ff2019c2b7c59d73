import type { ConnectionConfig, DemoSpConfig } from './config.ts';
import type { LaxName } from './lax.ts';
import type { UserStore } from './users.ts';

/** What every part of the demo SP shares: built once per `createDemoSp`. */
export interface SpContext {
  config: DemoSpConfig;
  /** Base URL of the SP, no trailing slash. */
  spUrl: string;
  lax: ReadonlySet<LaxName>;
  users: UserStore;
  defaultOrg: string;
  /** Allowed clock skew in seconds (widened by the clock-skew switch). */
  skewSeconds: number;
  /** Oldest accepted IssueInstant / iat, in seconds. */
  maxAgeSeconds: number;
  /** Seconds that fetched metadata, discovery and JWKS stay fresh. */
  metadataMaxAgeSeconds: number;
  /** The connection by name; throws a 404 refusal for an unknown one. */
  connection(name: string): ConnectionConfig;
  /** Milliseconds since the epoch; tests may shift it. */
  now(): number;
  log(line: string): void;
}
