import { fileURLToPath } from 'node:url';
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
  docsUrl: 'https://samlify.js.org/#/sp-configuration',
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

export default samlifySp;
