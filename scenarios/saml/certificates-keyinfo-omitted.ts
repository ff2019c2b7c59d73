import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.keyinfo-omitted',
  title: 'Signature without KeyInfo',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.key-info',
      params: {
        certificate: 'none',
      },
    },
  ],
  expect: 'accept',
  tags: ['certificates', 'signature'],
  why: 'Some IdPs leave KeyInfo out. The SP already holds the IdP certificate from metadata, so a correct SP verifies and accepts; one that needs KeyInfo to find a key fails these IdPs.',
  refs: ['W3C XML Signature Syntax and Processing (KeyInfo is optional)', 'SAML 2.0 Core §5.4.5'],
});
