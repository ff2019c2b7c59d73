import { fileURLToPath } from 'node:url';
import type { ZooSp } from '../types.ts';
import { oidcZooConfig } from '../zoo-config.ts';
import type { ZooHardening } from '../zoo-hardening.ts';
import { debianPackageVersion, spawnZooSp } from '../zoo-process.ts';

const id = 'omniauth-oidc';
const provider = 'zoo-omniauth-oidc';
const client = { id: 'zoo-omniauth-oidc', secret: 'zoo-omniauth-oidc-secret' } as const;
const docs = 'https://gitlab.com/gitlab-org/gitlab-omniauth-openid-connect#usage';
const idTokenSource = 'https://github.com/nov/openid_connect/blob/v1.2.0/lib/openid_connect/response_object/id_token.rb';

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
  async start({ port, harnessUrl }) {
    const version = await debianPackageVersion([
      'ruby-omniauth-openid-connect',
      'ruby-omniauth',
      'ruby-sinatra',
      'ruby-webrick',
    ]);
    return spawnZooSp({
      id,
      command: fileURLToPath(new URL('./start', import.meta.url)),
      args: [String(port), harnessUrl, client.id, client.secret, provider],
      port,
      version,
    });
  },
};
export default omniauthOidc;

/**
 * What omniauth_openid_connect 0.10.0 (GitLab fork) leaves unchecked. It verifies state,
 * nonce, the signature (key from the discovered JWKS, or the client secret for HS*), iss,
 * aud and exp; it has almost no switches to turn on more, so most entries name what the app
 * must do itself.
 */
export const hardening: ZooHardening = {
  pkce: {
    option: 'none in the GitLab fork 0.10.0 (upstream omniauth_openid_connect has pkce: true)',
    docsUrl: docs,
    note: 'The authorization request carries no code_challenge.',
  },
  'clock-skew': {
    option: 'none: IdToken#verify! compares exp with the current second, no leeway',
    docsUrl: idTokenSource,
    note: 'An OP whose clock runs a little ahead or behind makes logins fail or tokens live a little longer; nothing to tune.',
  },
  'issued-at': {
    option: 'none: iat and nbf are required to exist but never compared with the clock',
    docsUrl: idTokenSource,
    note: 'A token issued in the future, or with a future nbf, is accepted; the app must check raw_info itself.',
  },
  'authorized-party': {
    option: 'none: azp is not checked',
    docsUrl: idTokenSource,
    note: 'Only aud must contain the client_id; an azp naming another client is accepted.',
  },
  'userinfo-subject': {
    option: "none: compare env['omniauth.auth'].extra.raw_info with the id_token's sub in the app",
    docsUrl: docs,
    note: 'The strategy always calls userinfo and merges it under the id_token claims without checking that both name the same sub.',
  },
};
