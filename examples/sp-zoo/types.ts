import type { ConfigInput } from '../../config/schema.ts';
import type { Hardening } from './hardening.ts';

/**
 * One specimen of the SP zoo: a small, real service provider written the way its
 * library's own documentation sets it up (library defaults, no hardening beyond the docs).
 * Each lives in `examples/sp-zoo/<id>/` with a `start` script and an `index.ts` that
 * exports one `ZooSp` as default.
 */
export interface ZooSp {
  /** Folder name and report-card name, e.g. `pysaml2`, `ruby-saml`, `authjs`. */
  id: string;
  protocol: 'saml' | 'oidc';
  /** The library as its users name it, e.g. "pysaml2", "@node-saml/passport-saml". */
  library: string;
  /** Where it comes from: a Debian package name or an npm package name. */
  source: { kind: 'debian' | 'npm'; package: string };
  /** The library's own documentation page for its SP/RP settings. */
  docsUrl: string;
  /** The library's own options for the checks its defaults leave off (see hardening.ts). */
  hardening: Hardening;
  /**
   * The harness side that fits this SP listening at `spUrl` (e.g. http://127.0.0.1:41234):
   * `providers` (one provider, its SAML `sps` or OIDC `clients` entry pointing at the SP),
   * `users` and `targets` (one target with its connection and probe).
   */
  harnessConfig(spUrl: string): Pick<ConfigInput, 'providers' | 'users' | 'targets'>;
  /**
   * Starts the SP on 127.0.0.1:`port`, trusting the harness at `harnessUrl` (SAML: from the
   * provider's metadata URL; OIDC: by discovery from the provider's issuer). Resolves once
   * the SP answers HTTP. Rejects with a message naming the missing Debian/npm package when
   * the library is not installed.
   */
  start(options: ZooStartOptions): Promise<RunningZooSp>;
}

export interface ZooStartOptions {
  /** Port on 127.0.0.1; the caller picks a free one. */
  port: number;
  /** The harness base URL, e.g. http://127.0.0.1:45678 */
  harnessUrl: string;
  /**
   * Checks to turn on with the library's own setting (keys of `hardening` that have a
   * `hardened` setting); default none, i.e. the library's documented defaults.
   */
  hardened?: readonly string[] | undefined;
}

export interface RunningZooSp {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The library's installed version, as its package reports it. */
  version: string;
  /** Stops the SP (its process, when it has one) and resolves when it is gone. */
  close(): Promise<void>;
}
