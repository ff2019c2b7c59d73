import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from '../hardening.ts';
import { installedDebianVersion } from '../installed.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { oidcZooConfig } from '../zoo-config.ts';

const id = 'authlib';
const provider = 'zoo-authlib';
const client = { id: 'zoo-authlib', secret: 'zoo-authlib-secret' } as const;
const docs = 'https://docs.authlib.org/en/latest/client/flask.html';
const claimsDocs = 'https://docs.authlib.org/en/latest/jose/jwt.html#jwt-payload-claims-validation';

/**
 * Authlib's own options for checks its defaults leave off (1.2.0: state, nonce, signature
 * against the discovered JWKS, iss against the discovered issuer, exp/nbf with 120 s leeway,
 * azp when aud is not the client alone).
 */
export const hardening: Hardening = {
  aud: {
    option:
      "authorize_access_token(claims_options={'iss': {'values': [issuer]}, 'aud': {'essential': True, 'values': [client_id]}})",
    docsUrl: claimsDocs,
    note: 'The default claims_options hold only iss, so aud is never compared with the client_id; a token for another client is refused only through the azp rule. Passing claims_options replaces the default, so keep iss in it.',
  },
  time: {
    option:
      "parse_id_token(token, nonce, leeway=<seconds>) in the app; claims_options={'iat': {'validate': <function>}}",
    docsUrl: claimsDocs,
    note: 'authorize_access_token always allows 120 s of leeway on exp/nbf (1.2.0), and iat is only checked to be a number: tokens issued in the future or long ago are accepted.',
  },
  keys: {
    option: 'none: the discovery document and the JWKS are cached for the life of the process',
    docsUrl: docs,
    note: 'The JWKS is fetched again only when a kid is unknown; a key the OP retired keeps verifying, and later discovery or JWKS changes are not seen.',
  },
  pkce: {
    option: "client_kwargs={'code_challenge_method': 'S256'}",
    docsUrl: docs,
    note: 'Off by default: the authorization request carries no code_challenge.',
  },
  'auth-response-iss': {
    option: 'none in 1.2.0',
    docsUrl: docs,
    note: 'The iss parameter of the authorization response (RFC 9207) is ignored.',
  },
  'email-verified': {
    option: "claims_options={'email_verified': {'essential': True, 'value': True}}",
    docsUrl: claimsDocs,
    note: 'Authlib passes email through whatever email_verified says.',
  },
};

/**
 * Authlib's Flask OAuth client as an OpenID Connect RP, from Debian's python3-authlib.
 * Discovers the OP through `server_metadata_url`; the callback is `/authorize`, as in the docs.
 */
const authlib: ZooSp = {
  id,
  protocol: 'oidc',
  library: 'Authlib (Flask client)',
  source: { kind: 'debian', package: 'python3-authlib' },
  docsUrl: docs,
  hardening,
  harnessConfig: (spUrl) =>
    oidcZooConfig({
      id,
      displayName: 'Authlib (Flask)',
      spUrl,
      provider,
      clientId: client.id,
      clientSecret: client.secret,
      redirectUri: `${spUrl.replace(/\/$/, '')}/authorize`,
    }),
  start: ({ port, harnessUrl, hardened }) =>
    startSpProcess({
      id,
      command: fileURLToPath(new URL('./start', import.meta.url)),
      args: [String(port), harnessUrl, client.id, client.secret, provider],
      port,
      version: () => installedDebianVersion(['python3-authlib', 'python3-flask', 'python3-requests']),
      env: hardenedEnv(id, hardening, hardened),
    }),
};
export default authlib;
