import type { Context } from 'koa';
import * as client from 'openid-client';
import type { SpContext } from '../context.ts';
import type { Session } from '../session.ts';
import type { PendingLogins } from './pending-logins.ts';
import type { OidcProviders, OidcSettings } from './provider.ts';

/** SP-initiated OIDC login: authorization code with PKCE (S256), state and nonce. */
export async function oidcLoginUrl(
  ctx: Context,
  sp: SpContext,
  providers: OidcProviders,
  pendingLogins: PendingLogins,
  settings: OidcSettings,
  session: Session,
  returnTo: string,
): Promise<string> {
  const meta = await providers.metadata(settings);
  const configuration = providers.configuration(settings, meta, fetch);
  const codeVerifier = client.randomPKCECodeVerifier();
  const pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    returnTo,
    startedAt: sp.now(),
  };
  pendingLogins.start(ctx, session, settings.connection, settings.redirectUri, pending);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes.join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(settings.config.responseMode === 'form_post' ? { response_mode: 'form_post' } : {}),
  });
  return url.href;
}
