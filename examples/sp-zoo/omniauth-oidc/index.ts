import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from '../hardening.ts';
import { installedDebianVersion } from '../installed.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { oidcZooConfig } from '../zoo-config.ts';

const id = 'omniauth-oidc';
const provider = 'zoo-omniauth-oidc';
const client = { id: 'zoo-omniauth-oidc', secret: 'zoo-omniauth-oidc-secret' } as const;
const docs = 'https://gitlab.com/gitlab-org/gitlab-omniauth-openid-connect#usage';
const idTokenSource =
  'https://github.com/nov/openid_connect/blob/v1.2.0/lib/openid_connect/response_object/id_token.rb';

/**
 * What omniauth_openid_connect 0.10.0 (GitLab fork) leaves unchecked. It verifies state,
 * nonce, the signature (key from the discovered JWKS, or the client secret for HS*), iss,
 * aud and exp; it has almost no switches to turn on more, so most entries name what the app
 * must do itself.
 */
export const hardening: Hardening = {
  time: {
    option: 'none: IdToken#verify! compares exp with the current second; iat and nbf are never compared',
    docsUrl: idTokenSource,
    note: 'No leeway on exp, and a token issued in the future or with a future nbf is accepted; the app must check raw_info itself.',
  },
  aud: {
    option: 'none: aud must contain the client_id, azp is not checked',
    docsUrl: idTokenSource,
    note: 'A token whose aud also names an untrusted client, or whose azp names another client, is accepted.',
  },
  keys: {
    option: 'none: without a kid every key of the JWKS is tried',
    docsUrl: docs,
    note: 'An id_token without a kid is accepted when any published key verifies it, even when several keys are published.',
  },
  token: {
    option: "none: check env['omniauth.auth'].credentials.id_token in the app",
    docsUrl: docs,
    note: 'A token response without an id_token is accepted: the strategy skips verification and takes the identity from userinfo.',
  },
  pkce: {
    option: 'none in the GitLab fork 0.10.0 (upstream omniauth_openid_connect has pkce: true)',
    docsUrl: docs,
    note: 'The authorization request carries no code_challenge.',
  },
  'auth-response-iss': {
    option: 'none',
    docsUrl: docs,
    note: 'The iss parameter of the authorization response (RFC 9207) is ignored.',
  },
};

/**
 * OmniAuth with omniauth_openid_connect on Sinatra (WEBrick), from Debian's
 * ruby-omniauth-openid-connect, which is GitLab's fork (gem gitlab-omniauth-openid-connect
 * 0.10.0, on openid_connect 1.2.0). Discovery on; the callback is OmniAuth's
 * `/auth/openid_connect/callback`; `/login` posts OmniAuth's request-phase form by itself.
 */
const omniauthOidc: ZooSp = {
  id,
  protocol: 'oidc',
  library: 'omniauth_openid_connect (GitLab fork)',
  source: { kind: 'debian', package: 'ruby-omniauth-openid-connect' },
  docsUrl: docs,
  hardening,
  harnessConfig: (spUrl) =>
    oidcZooConfig({
      id,
      displayName: 'omniauth_openid_connect (Sinatra)',
      spUrl,
      provider,
      clientId: client.id,
      clientSecret: client.secret,
      redirectUri: `${spUrl.replace(/\/$/, '')}/auth/openid_connect/callback`,
    }),
  start: ({ port, harnessUrl, hardened }) =>
    startSpProcess({
      id,
      command: fileURLToPath(new URL('./start', import.meta.url)),
      args: [String(port), harnessUrl, client.id, client.secret, provider],
      port,
      version: () =>
        installedDebianVersion([
          'ruby-omniauth-openid-connect',
          'ruby-omniauth',
          'ruby-sinatra',
          'ruby-webrick',
        ]),
      env: hardenedEnv(id, hardening, hardened),
    }),
};
export default omniauthOidc;
