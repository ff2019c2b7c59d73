/**
 * An OIDC RP on oauth4webapi, following its README's "Authorization Code Flow (OpenID Connect)"
 * example (examples/oidc.ts) with Express and express-session:
 *   node examples/sp-zoo/oauth4webapi/main.ts --port N --harness URL --client-id ID --client-secret S [--provider oauth4webapi]
 * Discovery from the issuer, client_secret_basic, code flow with PKCE (S256) and a nonce, then
 * the UserInfo request. Pages: /login, /callback, /me (sub and email as JSON; 401 when nobody is
 * logged in).
 */
import express from 'express';
import session from 'express-session';
import * as oauth from 'oauth4webapi';
import { readSpArgs, serve } from '../cli.ts';

const args = readSpArgs(
  'node examples/sp-zoo/oauth4webapi/main.ts --port N --harness URL --client-id ID --client-secret S [--provider ID]',
  { provider: 'oauth4webapi' },
);

// The harness runs on plain http on loopback; oauth4webapi refuses http unless told so.
const insecure = { [oauth.allowInsecureRequests]: true };
const issuer = new URL(`${args.harness}/oidc/${args.provider}`);
const as = await oauth
  .discoveryRequest(issuer, { algorithm: 'oidc', ...insecure })
  .then((response) => oauth.processDiscoveryResponse(issuer, response));
const client: oauth.Client = { client_id: args.clientId };
const clientAuth = oauth.ClientSecretBasic(args.clientSecret);
const redirectUri = `${args.url}/callback`;

declare module 'express-session' {
  interface SessionData {
    oidcLogin: { codeVerifier: string; nonce: string };
    oidcIdentity: { sub: string; email: string | undefined };
  }
}

const app = express();
app.use(session({ secret: 'sp-zoo oauth4webapi', resave: false, saveUninitialized: false }));

app.get('/login', async (req, res) => {
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const nonce = oauth.generateRandomNonce();
  req.session.oidcLogin = { codeVerifier, nonce };
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'openid email');
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('nonce', nonce);
  res.redirect(url.href);
});

app.get('/callback', async (req, res, next) => {
  try {
    const login = req.session.oidcLogin;
    if (!login) throw new Error('no login in progress in this session');
    delete req.session.oidcLogin;
    const params = oauth.validateAuthResponse(as, client, new URL(req.originalUrl, args.url));
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuth,
      params,
      redirectUri,
      login.codeVerifier,
      insecure,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: login.nonce,
    });
    const { sub } = oauth.getValidatedIdTokenClaims(result)!;
    const userinfo = await oauth.processUserInfoResponse(
      as,
      client,
      sub,
      await oauth.userInfoRequest(as, client, result.access_token, insecure),
    );
    req.session.oidcIdentity = {
      sub,
      email: typeof userinfo.email === 'string' ? userinfo.email : undefined,
    };
    res.redirect('/me');
  } catch (error) {
    next(error);
  }
});

app.get('/me', (req, res) => {
  if (!req.session.oidcIdentity) {
    res.status(401).json({ error: 'not logged in' });
    return;
  }
  res.json(req.session.oidcIdentity);
});

serve(app, args);
