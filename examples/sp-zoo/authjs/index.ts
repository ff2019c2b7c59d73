import { fileURLToPath } from 'node:url';
import type { Hardening } from '../hardening.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { zooUsers } from '../users.ts';

const provider = 'authjs';
const clientId = 'sp-zoo-authjs';
const clientSecret = 'sp-zoo-authjs-secret';

/** Auth.js (@auth/core via @auth/express) with one generic OIDC provider, its defaults kept. */
const authjsSp: ZooSp = {
  id: 'authjs',
  protocol: 'oidc',
  library: 'Auth.js (@auth/core, @auth/express)',
  source: { kind: 'npm', package: '@auth/core' },
  docsUrl: 'https://authjs.dev/reference/core/providers#checks',
  harnessConfig: (spUrl) => ({
    providers: {
      [provider]: {
        protocol: 'oidc',
        persona: 'generic',
        clients: {
          [clientId]: { clientSecret, redirectUris: [`${spUrl}/auth/callback/harness`] },
        },
      },
    },
    users: zooUsers,
    targets: {
      authjs: {
        displayName: 'Auth.js (SP zoo)',
        connections: { oidc: { provider, client: clientId, loginUrl: `${spUrl}/login`, user: 'alice' } },
        probe: { url: `${spUrl}/me`, contains: '{{user.email}}' },
      },
    },
  }),
  start: ({ port, harnessUrl }) =>
    startSpProcess({
      id: 'authjs',
      main: fileURLToPath(new URL('./main.ts', import.meta.url)),
      args: [
        ...['--port', String(port), '--harness', harnessUrl, '--provider', provider],
        ...['--client-id', clientId, '--client-secret', clientSecret],
      ],
      packageName: '@auth/core',
      port,
    }),
};

/** Auth.js provider options that turn on checks it leaves off (@auth/core 0.41). */
export const hardening: Hardening = {
  state: {
    option: "checks: ['pkce', 'state']",
    docsUrl: 'https://authjs.dev/reference/core/providers#checks',
    note: 'The default checks are ["pkce"]: no state is sent, and a state in the callback is not compared with anything.',
  },
  nonce: {
    option: "checks: ['pkce', 'nonce']",
    docsUrl: 'https://authjs.dev/reference/core/providers#checks',
    note: 'Without "nonce" in checks no nonce is sent, so an id_token is not bound to this browser\'s login.',
  },
};

export default authjsSp;
