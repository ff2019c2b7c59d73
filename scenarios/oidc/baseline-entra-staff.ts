import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.entra-staff',
  title: 'Valid code flow with PKCE: Entra ID',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
  },
  faults: [],
  expect: 'accept',
  tags: ['baseline', 'multi-provider'],
  why: 'The reference login: Entra ID (v2.0 endpoint, tenant issuer) with the code flow and PKCE; the SP matches the user on oid. If this fails, every other OIDC verdict against this connection means nothing; fix the connection (issuer, client id and secret, redirect URI) first.',
  refs: [
    'OIDC Core §3.1 (Authorization Code Flow)',
    'RFC 7636 (PKCE)',
    'Microsoft identity platform: OAuth 2.0 authorization code flow',
  ],
});
