import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.xml.doctype-xxe',
  title: 'DOCTYPE with an external entity (XXE) in front of the response',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.doctype',
      params: {
        entity: 'external',
      },
    },
  ],
  expect: 'reject',
  tags: ['xml', 'security'],
  why: 'SAML messages never need a DTD. A response that declares one (here an external entity, the start of an XXE or SSRF attack) must be refused before any entity is resolved; the signature still verifies, so only a DTD check catches it.',
  refs: [
    'CWE-611',
    'OWASP SAML Security Cheat Sheet (XML parsing)',
    'OWASP XML External Entity Prevention Cheat Sheet',
  ],
  caughtBy: ['doctype'],
});
