import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.xml.processing-instruction',
  title: 'Processing instruction inside the signed NameID',
  protocol: 'saml',
  role: 'stranger',
  faults: [
    {
      fault: 'saml.nameid-processing-instruction',
      params: {
        victim: '{{victim.email}}',
        suffix: '.evil.example',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['xml', 'security', 'subject'],
  why: 'The same family as the comment injection, with a processing instruction: canonicalization keeps PIs, so the IdP signs alice@example.com<?sso-harness split?>.evil.example as one NameID. An SP that verifies it and then stops at the first text node sees alice; a correct one reads the whole text. SPs on xml-crypto (node-saml, the demo SP) canonicalize the PI as text and refuse a bad signature instead, so only one that also skips signature checks is fooled there.',
  refs: [
    'CERT VU#475445',
    'CVE-2017-11427 (same class)',
    'W3C Canonical XML 1.0 (processing instructions are kept)',
  ],
  caughtBy: ['first-text-node', 'signature-required'],
});
