import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.entra-contractors',
  title: 'Valid code flow with PKCE: a second Entra tenant, response_mode=form_post',
  protocol: 'oidc',
  requires: {
    persona: 'entra',
    tag: 'form-post',
  },
  faults: [],
  expect: 'accept',
  tags: ['baseline', 'multi-provider', 'form-post'],
  why: 'The reference login: A second Entra tenant on the same SP (the contractors), JIT-provisioned users with their own role; this connection asks for response_mode=form_post, so the code arrives in an auto-submitted POST (SameSite cookies and POST handling at the redirect URI must work). If this fails, every other OIDC verdict against this connection means nothing; fix the connection (issuer, client id and secret, redirect URI) first.',
  refs: [
    'OIDC Core §3.1 (Authorization Code Flow)',
    'RFC 7636 (PKCE)',
    'Microsoft identity platform: OAuth 2.0 authorization code flow',
    'OAuth 2.0 Form Post Response Mode',
  ],
});
