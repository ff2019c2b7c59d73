import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.discovery.issuer-mismatch',
  title: 'Discovery document names another issuer',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.discovery.issuer',
    },
  ],
  expect: 'reject',
  tags: ['issuer', 'discovery'],
  why: 'The document at <issuer>/.well-known/openid-configuration names another issuer than the URL it was fetched from. OpenID Discovery says the issuer MUST match exactly; a correct SP refuses to use it (the login never starts). Only an SP that skips both this check and the RFC 9207 iss check (which would then compare against the wrong issuer) logs in.',
  refs: ['OpenID Connect Discovery 1.0 §4.3 (Issuer validation)', 'RFC 8414 §3.3', 'RFC 9207 §2.4'],
  caughtBy: ['oidc-issuer', 'auth-response-iss'],
});
