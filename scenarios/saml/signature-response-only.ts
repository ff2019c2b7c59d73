import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.response-only',
  title: 'Only the Response is signed (it covers the assertion)',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signed-parts',
      params: {
        targets: 'response',
      },
    },
  ],
  expect: 'accept',
  tags: ['signature'],
  why: 'Some IdPs sign only the Response. Its signature covers the assertion inside it, so an SP whose policy is "the assertion must be covered by a valid signature" accepts. SPs configured to want signed assertions refuse; such targets override this expectation.',
  refs: ['SAML 2.0 Profiles §4.1.4.5', 'SAML 2.0 Core §5.4.1 (signing formats)'],
});
