import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.assertion-invalid-inside-signed-response',
  title: 'Valid Response signature around an Assertion whose own signature is invalid',
  protocol: 'saml',
  faults: [{ fault: 'saml.assertion-signature-invalid' }],
  expect: 'reject',
  tags: ['signature', 'security'],
  why: "The IdP signs the Assertion, spoils that signature, and then signs the Response around it, so the Response signature verifies and the Assertion's does not. A signature that fails is a sign of tampering whatever else verifies: SAML requires each signature present to be valid. A correct SP refuses; one that stops checking once the Response signature verifies (or checks the Assertion's only when it insists on one) accepts.",
  refs: [
    'SAML 2.0 Core §5.4 (SAML and XML Signature Syntax and Processing) and §5.4.1',
    'W3C XML Signature 1.1 §3.2 (Core Validation)',
    'CWE-347',
  ],
  caughtBy: ['invalid-inner-signature'],
});
