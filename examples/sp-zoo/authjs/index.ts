import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from '../hardening.ts';
import { installedNpmVersion } from '../installed.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { oidcZooConfig } from '../zoo-config.ts';

const provider = 'authjs';
const clientId = 'sp-zoo-authjs';
const clientSecret = 'sp-zoo-authjs-secret';

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

/** Auth.js (@auth/core via @auth/express) with one generic OIDC provider, its defaults kept. */
const authjsSp: ZooSp = {
  id: 'authjs',
  protocol: 'oidc',
  library: 'Auth.js (@auth/core, @auth/express)',
  source: { kind: 'npm', package: '@auth/core' },
  docsUrl: 'https://authjs.dev/reference/core/providers#checks',
  hardening,
  harnessConfig: (spUrl) =>
    oidcZooConfig({
      id: 'authjs',
      displayName: 'Auth.js (SP zoo)',
      spUrl,
      provider,
      logout: false,
      clientId,
      clientSecret,
      redirectUri: `${spUrl}/auth/callback/harness`,
    }),
  start: ({ port, harnessUrl, hardened }) =>
    startSpProcess({
      id: 'authjs',
      command: process.execPath,
      args: [
        fileURLToPath(new URL('./main.ts', import.meta.url)),
        ...[
          ...['--port', String(port), '--harness', harnessUrl, '--provider', provider],
          ...['--client-id', clientId, '--client-secret', clientSecret],
        ],
      ],
      port,
      version: () => installedNpmVersion('@auth/core'),
      env: hardenedEnv('authjs', hardening, hardened),
    }),
};

export default authjsSp;
