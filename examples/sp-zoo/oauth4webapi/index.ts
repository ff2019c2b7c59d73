import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from '../hardening.ts';
import { installedNpmVersion } from '../installed.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { oidcZooConfig } from '../zoo-config.ts';

const provider = 'oauth4webapi';
const clientId = 'sp-zoo-oauth4webapi';
const clientSecret = 'sp-zoo-oauth4webapi-secret';
const signatureDocs =
  'https://github.com/panva/oauth4webapi/blob/main/docs/functions/validateApplicationLevelSignature.md';

/** oauth4webapi calls and client options that turn on checks its code flow leaves off (oauth4webapi 3.8). */
export const hardening: Hardening = {
  signature: {
    option:
      'await oauth.validateApplicationLevelSignature(as, response) before processAuthorizationCodeResponse',
    docsUrl: signatureDocs,
    note: "An id_token from the token endpoint is trusted on the TLS connection (OIDC Core 3.1.3.7 step 6) and its JWS signature is not verified; this call verifies it against the issuer's JWKS.",
  },
  keys: {
    option: 'await oauth.validateApplicationLevelSignature(as, response)',
    docsUrl: signatureDocs,
    note: 'The JWKS is only read when the signature is verified; without that call an empty, retired or missing key set goes unnoticed.',
  },
  discovery: {
    option: 'await oauth.validateApplicationLevelSignature(as, response)',
    docsUrl: signatureDocs,
    note: 'Discovery without a jwks_uri is only noticed when the signature is verified.',
  },
  'oidc.discovery.issuer-mismatch': {
    option: 'none needed: processDiscoveryResponse(issuer, response) compares the issuer',
    docsUrl: 'https://github.com/panva/oauth4webapi/blob/main/docs/functions/processDiscoveryResponse.md',
    note: "This RP reads discovery once at start, as the README example does, before the scenario's fault is in place: the verdict shows the cached document was used, not a missing check.",
  },
  time: {
    option: 'client[oauth.clockTolerance] = 60',
    docsUrl: 'https://github.com/panva/oauth4webapi/blob/main/docs/variables/clockTolerance.md',
    note: 'Seconds of leeway for exp / nbf / iat; the default is 30.',
  },
  state: {
    option: 'send a state and pass it as validateAuthResponse(as, client, url, expectedState)',
    docsUrl: 'https://github.com/panva/oauth4webapi/blob/main/docs/functions/validateAuthResponse.md',
    note: 'The README example relies on PKCE and sends no state; a response without one is then accepted.',
  },
};

/** A small RP on oauth4webapi: its README's OpenID Connect code-flow example (PKCE, nonce, UserInfo). */
const oauth4webapiSp: ZooSp = {
  id: 'oauth4webapi',
  protocol: 'oidc',
  library: 'oauth4webapi',
  source: { kind: 'npm', package: 'oauth4webapi' },
  docsUrl: 'https://github.com/panva/oauth4webapi/blob/main/docs/README.md',
  hardening,
  harnessConfig: (spUrl) =>
    oidcZooConfig({
      id: 'oauth4webapi',
      displayName: 'oauth4webapi (SP zoo)',
      spUrl,
      provider,
      logout: false,
      clientId,
      clientSecret,
      redirectUri: `${spUrl}/callback`,
    }),
  start: ({ port, harnessUrl, hardened }) =>
    startSpProcess({
      id: 'oauth4webapi',
      command: process.execPath,
      args: [
        fileURLToPath(new URL('./main.ts', import.meta.url)),
        ...[
          ...['--port', String(port), '--harness', harnessUrl, '--provider', provider],
          ...['--client-id', clientId, '--client-secret', clientSecret],
        ],
      ],
      port,
      version: () => installedNpmVersion('oauth4webapi'),
      env: hardenedEnv('oauth4webapi', hardening, hardened),
    }),
};

export default oauth4webapiSp;
