import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.cross-site.response-post',
  title: 'SAML Response posted from an IdP on another site (no SameSite=Lax cookies)',
  protocol: 'saml',
  flow: {
    delivery: 'cross-site',
  },
  faults: [],
  expect: 'accept',
  tags: ['cross-site', 'in-response-to'],
  why: "The HTTP-POST binding is a cross-site POST in production: the browser sends the SP only its SameSite=None cookies. An SP that remembers its AuthnRequest (for InResponseTo) in a SameSite=Lax session, as HttpSession-backed ones do, finds no request and refuses every SP-initiated login, though it works in a test with the IdP on the SP's host. A correct SP keeps the request where the POST can find it (a server-side store, or a SameSite=None; Secure cookie) and accepts.",
  refs: [
    'SAML 2.0 Bindings §3.5 (HTTP POST Binding)',
    'RFC 6265bis §5.6.7 (SameSite), §5.8.3 (cross-site POST)',
    'Spring Security: Saml2AuthenticationRequestRepository (HttpSession by default)',
  ],
  caughtBy: ['saml-request-in-session'],
});
