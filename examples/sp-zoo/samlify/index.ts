import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from '../hardening.ts';
import { installedNpmVersion } from '../installed.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { samlZooConfig } from '../zoo-config.ts';

const provider = 'samlify';

/** samlify's SP settings that turn on checks it leaves off (samlify 2.13). */
export const hardening: Hardening = {
  time: {
    option: 'clockDrifts: [-60_000, 60_000]',
    hardened: 'clockDrifts: [-60_000, 60_000]',
    docsUrl: 'https://samlify.js.org/sp-configuration.html',
    note: 'Tolerance in ms for NotBefore / NotOnOrAfter. The default is none, so a few seconds of clock drift between IdP and SP fail the login.',
  },
  signature: {
    option: 'wantAssertionsSigned: true (and/or wantMessageSigned: true)',
    hardened: 'wantAssertionsSigned: true',
    docsUrl: 'https://samlify.js.org/sp-configuration.html',
    note: 'Both default to false: samlify then takes whichever signature the response carries. Set them to require a signed assertion or a signed Response.',
  },
};

/**
 * samlify as its README sets it up: settings-built SP, IdP from metadata, node-xmllint schema
 * validator. `library` loads samlify from another module, such as an npm alias of an older
 * version (`samlify-2-9`); the version reported is that module's.
 */
export function samlifySp(library = 'samlify'): ZooSp {
  return {
    id: 'samlify',
    protocol: 'saml',
    library: 'samlify',
    source: { kind: 'npm', package: library },
    docsUrl: 'https://samlify.js.org/sp-configuration.html',
    hardening,
    harnessConfig: (spUrl) =>
      samlZooConfig({
        id: 'samlify',
        displayName: 'samlify (SP zoo)',
        spUrl,
        provider,
        logout: false,
        entityId: `${spUrl}/metadata`,
        acsUrl: `${spUrl}/acs`,
      }),
    start: ({ port, harnessUrl, hardened }) =>
      startSpProcess({
        id: 'samlify',
        command: process.execPath,
        args: [
          fileURLToPath(new URL('./main.ts', import.meta.url)),
          ...['--port', String(port), '--harness', harnessUrl, '--provider', provider],
          ...(library === 'samlify' ? [] : ['--library', library]),
        ],
        port,
        version: () => installedNpmVersion(library),
        env: hardenedEnv('samlify', hardening, hardened),
      }),
  };
}

export default samlifySp();
