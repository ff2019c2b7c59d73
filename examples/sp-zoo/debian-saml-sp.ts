import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from './hardening.ts';
import { installedDebianVersion } from './installed.ts';
import { startSpProcess } from './process.ts';
import type { ZooSp } from './types.ts';
import { samlZooConfig } from './zoo-config.ts';

/**
 * A SAML specimen from Debian whose folder holds a `start` script taking
 * `<port> <harness URL> <provider id>`; entityID `<spUrl>/metadata`, ACS `<spUrl>/acs`.
 * What differs between such SPs is only this description.
 */
export function debianSamlSp(spec: {
  id: string;
  library: string;
  /** The Debian package the library comes in. */
  package: string;
  /** Packages whose versions the card reports (the library first). */
  versionPackages: readonly [string, ...string[]];
  docsUrl: string;
  hardening: Hardening;
  /** The name on the harness provider, e.g. "pysaml2 (Flask)". */
  displayName: string;
  /** The SP's folder: `new URL('.', import.meta.url)` of its index.ts. */
  folder: URL;
}): ZooSp {
  const provider = `zoo-${spec.id}`;
  return {
    id: spec.id,
    protocol: 'saml',
    library: spec.library,
    source: { kind: 'debian', package: spec.package },
    docsUrl: spec.docsUrl,
    hardening: spec.hardening,
    harnessConfig: (spUrl) =>
      samlZooConfig({
        id: spec.id,
        displayName: spec.displayName,
        spUrl,
        provider,
        entityId: `${spUrl}/metadata`,
        acsUrl: `${spUrl}/acs`,
      }),
    start: ({ port, harnessUrl, hardened }) =>
      startSpProcess({
        id: spec.id,
        command: fileURLToPath(new URL('./start', spec.folder)),
        args: [String(port), harnessUrl, provider],
        port,
        version: () => installedDebianVersion(spec.versionPackages),
        env: hardenedEnv(spec.id, spec.hardening, hardened),
      }),
  };
}
