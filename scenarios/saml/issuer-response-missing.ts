import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.issuer.response-missing',
  title: 'Response without Issuer (the assertion has one)',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issuer',
      params: {
        remove: true,
        where: 'response',
      },
    },
  ],
  expect: 'accept',
  tags: ['issuer'],
  why: "The Issuer of a Response is optional; the assertion still names the IdP. A correct SP accepts; one that insists on the envelope's Issuer rejects valid IdPs.",
  refs: ['SAML 2.0 Core §3.2.2 (Issuer is optional in a StatusResponse)', 'SAML 2.0 Profiles §4.1.4.2'],
});
