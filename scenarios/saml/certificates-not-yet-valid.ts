import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.not-yet-valid',
  title: 'Signed under a certificate that is not valid yet',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.signing-key',
      params: {
        kind: 'not-yet-valid',
      },
    },
  ],
  expect: 'reject',
  tags: ['certificates', 'signature'],
  why: 'The IdP switched to a new certificate for its key whose validity starts in the future (a rotation scheduled too early, or a wrong IdP clock). A strict SP refuses until the certificate is valid.',
  refs: ['RFC 5280 §4.1.2.5 (Validity)', 'SAML 2.0 Core §5.4'],
  caughtBy: ['certificate-expiry'],
});
