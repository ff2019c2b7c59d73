import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.logout.idp-request-issuer-wrong',
  title: 'LogoutRequest whose Issuer is not the IdP',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.logout-issuer',
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
  tags: ['logout', 'issuer', 'session'],
  why: "The LogoutRequest is signed by the IdP's key but names another entity as its Issuer. A correct SP checks that the Issuer is the IdP it trusts for this connection and refuses; one that only checks the signature confuses connections that share a key. The probe then shows the user still logged in.",
  refs: [
    'SAML 2.0 Profiles §4.4.4.1 (Issuer MUST be present and identify the requester)',
    'SAML 2.0 Core §3.2.1',
  ],
  caughtBy: ['issuer'],
});
