import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.google',
  title: 'Valid code flow with PKCE: Google Workspace',
  protocol: 'oidc',
  requires: {
    persona: 'google',
  },
  faults: [],
  expect: 'accept',
  tags: ['baseline'],
  why: 'The reference login: Google Workspace with its hd (hosted domain) claim and email_verified. If this fails, every other OIDC verdict against this connection means nothing; fix the connection (issuer, client id and secret, redirect URI) first.',
  refs: [
    'OIDC Core §3.1 (Authorization Code Flow)',
    'RFC 7636 (PKCE)',
    'Google Identity: OpenID Connect (server flow)',
  ],
});
