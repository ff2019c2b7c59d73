import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.unsigned',
  title: 'Neither the Response nor the Assertion is signed',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signed-parts',
      params: {
        targets: 'none',
      },
    },
  ],
  expect: 'reject',
  tags: ['signature', 'security'],
  why: 'Over HTTP-POST the browser carries the response, so anyone can write one. Without a valid signature over the assertion the SP must refuse; an SP that skips verification when no signature is present can be logged into as anyone.',
  refs: [
    'SAML 2.0 Profiles §4.1.3.5 and §4.1.4.5 (POST: the assertion must be signed)',
    'SAML 2.0 Bindings §3.5.5.2',
  ],
  caughtBy: ['signature-required'],
});
