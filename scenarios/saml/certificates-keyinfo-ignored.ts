import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.keyinfo-ignored',
  title: "KeyInfo carries an unrelated certificate; the signature is the IdP's",
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.key-info',
      params: {
        certificate: 'rogue',
      },
    },
  ],
  expect: 'accept',
  tags: ['certificates', 'signature'],
  why: 'The signature is made with the registered key, but KeyInfo names another certificate. KeyInfo is only a hint: an SP that verifies with the certificate it registered accepts; one that insists on the KeyInfo certificate breaks on IdPs that send chains or stale hints.',
  refs: ['W3C XML Signature Syntax and Processing (KeyInfo is optional)', 'SAML 2.0 Core §5.4.5 (KeyInfo)'],
});
