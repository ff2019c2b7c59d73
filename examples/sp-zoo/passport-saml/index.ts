import { fileURLToPath } from 'node:url';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { zooUsers } from '../users.ts';

const provider = 'passport-saml';

/** @node-saml/passport-saml as its README sets it up, with Express and express-session. */
const passportSamlSp: ZooSp = {
  id: 'passport-saml',
  protocol: 'saml',
  library: '@node-saml/passport-saml',
  source: { kind: 'npm', package: '@node-saml/passport-saml' },
  docsUrl: 'https://github.com/node-saml/node-saml#config-parameter-details',
  harnessConfig: (spUrl) => ({
    providers: {
      [provider]: {
        protocol: 'saml',
        persona: 'generic',
        sps: { [provider]: { entityId: `${spUrl}/metadata`, acsUrls: [`${spUrl}/login/callback`] } },
      },
    },
    users: zooUsers,
    targets: {
      'passport-saml': {
        displayName: 'passport-saml (SP zoo)',
        connections: { saml: { provider, sp: provider, loginUrl: `${spUrl}/login`, user: 'alice' } },
        probe: { url: `${spUrl}/me`, contains: '{{user.email}}' },
      },
    },
  }),
  start: ({ port, harnessUrl }) =>
    startSpProcess({
      id: 'passport-saml',
      main: fileURLToPath(new URL('./main.ts', import.meta.url)),
      args: ['--port', String(port), '--harness', harnessUrl, '--provider', provider],
      packageName: '@node-saml/passport-saml',
      port,
    }),
};

export default passportSamlSp;
