import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.multi-provider.response-at-other-connection',
  title: "A response from one IdP posted to another connection's ACS",
  protocol: 'saml',
  requires: {
    tag: 'sandbox',
  },
  faults: [
    {
      fault: 'saml.acs-url',
      params: {
        connection: '{{otherConnection}}',
      },
    },
  ],
  expect: 'reject',
  tags: ['multi-provider', 'destination', 'security'],
  why: "The sandbox org's IdP issues a valid response for alice, and it is posted to the production connection's ACS instead. Each connection trusts one IdP: the signature, Issuer, Destination, Recipient, Audience and InResponseTo all belong to the other connection, and each check alone must refuse it.",
  refs: ['SAML 2.0 Bindings §3.5.5.2', 'SAML 2.0 Profiles §4.1.4.3', 'SAML 2.0 Core §2.5.1.4'],
  caughtBy: ['keyinfo-trust', 'issuer', 'destination', 'recipient', 'audience', 'in-response-to'],
});
