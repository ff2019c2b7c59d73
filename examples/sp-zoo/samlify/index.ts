import { fileURLToPath } from 'node:url';
import type { Hardening } from '../hardening.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { zooUsers } from '../users.ts';

const provider = 'samlify';

/** samlify as its README sets it up: settings-built SP, IdP from metadata, node-xmllint schema validator. */
const samlifySp: ZooSp = {
  id: 'samlify',
  protocol: 'saml',
  library: 'samlify',
  source: { kind: 'npm', package: 'samlify' },
  docsUrl: 'https://samlify.js.org/sp-configuration.html',
  harnessConfig: (spUrl) => ({
    providers: {
      [provider]: {
        protocol: 'saml',
        persona: 'generic',
        sps: { [provider]: { entityId: `${spUrl}/metadata`, acsUrls: [`${spUrl}/acs`] } },
      },
    },
    users: zooUsers,
    targets: {
      samlify: {
        displayName: 'samlify (SP zoo)',
        connections: { saml: { provider, sp: provider, loginUrl: `${spUrl}/login`, user: 'alice' } },
        probe: { url: `${spUrl}/me`, contains: '{{user.email}}' },
      },
    },
  }),
  start: ({ port, harnessUrl }) =>
    startSpProcess({
      id: 'samlify',
      main: fileURLToPath(new URL('./main.ts', import.meta.url)),
      args: ['--port', String(port), '--harness', harnessUrl, '--provider', provider],
      packageName: 'samlify',
      port,
    }),
};

/** samlify's SP settings that turn on checks it leaves off (samlify 2.13). */
export const hardening: Hardening = {
  time: {
    option: 'clockDrifts: [-60_000, 60_000]',
    docsUrl: 'https://samlify.js.org/sp-configuration.html',
    note: 'Tolerance in ms for NotBefore / NotOnOrAfter. The default is none, so a few seconds of clock drift between IdP and SP fail the login.',
  },
  signature: {
    option: 'wantAssertionsSigned: true (and/or wantMessageSigned: true)',
    docsUrl: 'https://samlify.js.org/sp-configuration.html',
    note: 'Both default to false: samlify then takes whichever signature the response carries. Set them to require a signed assertion or a signed Response.',
  },
};

export default samlifySp;
