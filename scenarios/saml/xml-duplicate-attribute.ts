import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.xml.duplicate-attribute',
  title: "The Response's Destination attribute twice (not well-formed XML)",
  protocol: 'saml',
  faults: [
    { fault: 'saml.signed-parts', params: { targets: 'both' } },
    {
      fault: 'saml.duplicate-attribute',
      params: { select: '/samlp:Response', name: 'Destination', value: 'https://attacker.example/acs' },
    },
  ],
  expect: 'reject',
  tags: ['xml', 'security'],
  why: "After signing, the Response's start tag gets a second Destination attribute. XML forbids an attribute twice in one tag, so the document is not XML and must be refused; parsers that repair it keep the first value (here the signed one) or the last, and when the signature check and the reader repair differently, what is verified is not what is read (the parser differentials behind CVE-2025-25291 and CVE-2025-25292 in ruby-saml).",
  refs: [
    'XML 1.0 §3.1, well-formedness constraint: Unique Att Spec',
    'GitHub Security Lab, "Sign in as anyone: Bypassing SAML SSO authentication with parser differentials" (2025)',
    'CWE-347',
  ],
  caughtBy: ['lenient-xml'],
});
