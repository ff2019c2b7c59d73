import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.tampered-after-signing',
  title: 'Identity changed after signing',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.tamper',
      params: {
        identity: '{{victim.email}}',
      },
    },
  ],
  expect: 'reject',
  tags: ['signature', 'security'],
  why: "Bob's signed response is edited in the browser to name alice, leaving the signatures as they were. The digests no longer match, so a correct SP refuses; an SP that does not insist on a valid signature logs bob in as alice.",
  refs: ['SAML 2.0 Core §5.4', 'W3C XML Signature Syntax and Processing §3.2 (core validation)'],
  caughtBy: ['signature-required'],
});
