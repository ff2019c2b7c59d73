import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.logout.idp-request-unsigned',
  title: 'Unsigned LogoutRequest from the IdP',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.logout-unsigned',
    },
  ],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'idp-logout',
        expect: 'accept',
      },
    ],
  },
  tags: ['logout', 'signature', 'session'],
  why: "The IdP's LogoutRequest arrives without a signature. Anyone can make one: an SP that honours it lets any web page that knows a user's NameID log them out (a denial of service, and a way to force a fresh login through an attacker's flow). A correct SP that requires signed logout messages refuses it and keeps the session. The probe then shows the user still logged in.",
  refs: [
    'SAML 2.0 Profiles §4.4.4.1 (LogoutRequest MUST be authenticated)',
    'SAML 2.0 Bindings §3.4.4.1 (HTTP-Redirect signature)',
  ],
  caughtBy: ['signature-required'],
});
