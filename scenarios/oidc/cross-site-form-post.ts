import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.cross-site.form-post',
  title: 'form_post response from an IdP on another site (no SameSite=Lax cookies)',
  protocol: 'oidc',
  requires: {
    tag: 'form-post',
  },
  flow: {
    delivery: 'cross-site',
  },
  faults: [],
  expect: 'accept',
  tags: ['cross-site', 'form-post', 'authorization-response'],
  why: "In production the IdP is on another site, and its form_post is a cross-site POST: the browser sends the SP only its SameSite=None cookies. An SP that keeps the login's state, nonce or PKCE verifier in a SameSite=Lax (or default) session cookie finds nothing and refuses every login; in a test with the IdP on the SP's host it works. A correct SP binds the login to the browser with a cookie that survives the POST (SameSite=None; Secure, as ASP.NET Core's correlation cookie) and accepts.",
  refs: [
    'OAuth 2.0 Form Post Response Mode §2',
    'RFC 6265bis §5.6.7 (SameSite), §5.8.3 (cross-site POST)',
    'ASP.NET Core: OpenIdConnectOptions.CorrelationCookie / NonceCookie (SameSite=None, Secure)',
  ],
  caughtBy: ['oidc-state-in-session'],
});
