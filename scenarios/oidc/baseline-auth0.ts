import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.auth0',
  title: 'Valid code flow with PKCE: Auth0 with userinfo',
  protocol: 'oidc',
  requires: {
    persona: 'auth0',
  },
  faults: [],
  expect: 'accept',
  tags: ['baseline'],
  why: 'The reference login: Auth0 with its trailing-slash issuer, the userinfo endpoint and a namespaced groups claim. If this fails, every other OIDC verdict against this connection means nothing; fix the connection (issuer, client id and secret, redirect URI) first.',
  refs: [
    'OIDC Core §3.1 (Authorization Code Flow)',
    'RFC 7636 (PKCE)',
    'Auth0: Authorization Code Flow with PKCE',
  ],
});
