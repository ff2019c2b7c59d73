import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.baseline.sp-initiated',
  title: 'Valid code flow with PKCE: the connection under test, any IdP',
  protocol: 'oidc',
  faults: [],
  expect: 'accept',
  tags: ['baseline'],
  why: "The reference login through the target's first OIDC connection, whatever IdP it trusts: the code flow with PKCE, a signed id_token with every claim right. If this fails, every other OIDC verdict against this connection means nothing; fix the connection (issuer, client id and secret, redirect URI) first.",
  refs: ['OIDC Core §3.1 (Authorization Code Flow)', 'RFC 7636 (PKCE)'],
});
