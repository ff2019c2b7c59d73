import { fileURLToPath } from 'node:url';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { zooUsers } from '../users.ts';

const provider = 'oauth4webapi';
const clientId = 'sp-zoo-oauth4webapi';
const clientSecret = 'sp-zoo-oauth4webapi-secret';

/** A small RP on oauth4webapi: its README's OpenID Connect code-flow example (PKCE, nonce, UserInfo). */
const oauth4webapiSp: ZooSp = {
  id: 'oauth4webapi',
  protocol: 'oidc',
  library: 'oauth4webapi',
  source: { kind: 'npm', package: 'oauth4webapi' },
  docsUrl: 'https://github.com/panva/oauth4webapi/blob/main/docs/README.md',
  harnessConfig: (spUrl) => ({
    providers: {
      [provider]: {
        protocol: 'oidc',
        persona: 'generic',
        clients: {
          [clientId]: { clientSecret, redirectUris: [`${spUrl}/callback`] },
        },
      },
    },
    users: zooUsers,
    targets: {
      oauth4webapi: {
        displayName: 'oauth4webapi (SP zoo)',
        connections: { oidc: { provider, client: clientId, loginUrl: `${spUrl}/login`, user: 'alice' } },
        probe: { url: `${spUrl}/me`, contains: '{{user.email}}' },
      },
    },
  }),
  start: ({ port, harnessUrl }) =>
    startSpProcess({
      id: 'oauth4webapi',
      main: fileURLToPath(new URL('./main.ts', import.meta.url)),
      args: [
        ...['--port', String(port), '--harness', harnessUrl, '--provider', provider],
        ...['--client-id', clientId, '--client-secret', clientSecret],
      ],
      packageName: 'oauth4webapi',
      port,
    }),
};

export default oauth4webapiSp;
