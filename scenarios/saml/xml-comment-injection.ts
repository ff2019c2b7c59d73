import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.xml.comment-injection',
  title: 'Comment injected into the signed NameID (CVE-2017-11427)',
  protocol: 'saml',
  role: 'stranger',
  faults: [
    {
      fault: 'saml.nameid',
      params: {
        value: '{{victim.email}}.evil.example',
      },
    },
    {
      fault: 'saml.comment-injection',
      params: {
        victim: '{{victim.email}}',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['xml', 'security', 'subject'],
  why: "Mallory's IdP account has the NameID alice@example.com.evil.example. After signing, a comment splits it into alice@example.com<!---->.evil.example; canonicalization drops comments, so the signature still verifies. An SP that reads only the first text node logs mallory in as alice; a correct one reads the whole text and finds no such user.",
  refs: [
    'CVE-2017-11427',
    'CVE-2017-11428',
    'CVE-2017-11429',
    'CVE-2018-0489',
    'CERT VU#475445',
    'W3C Exclusive XML Canonicalization 1.0 (the default form omits comments)',
  ],
  caughtBy: ['first-text-node'],
});
