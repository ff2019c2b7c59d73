import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.shared-id',
  title: 'Response and Assertion share one ID',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.ids',
      params: {
        sameAsResponse: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['signature', 'xml'],
  why: 'Both elements carry the same ID, so a signature reference "#ID" could mean either. IDs must be unique in a document; a correct XML signature library refuses to guess, and the SP refuses the response rather than pick one.',
  refs: [
    'SAML 2.0 Core §1.3.4 (ID and ID reference values)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
  ],
  caughtBy: ['signature-required'],
});
