import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.rsa-1-5',
  title: 'Encrypted assertion with RSA PKCS#1 v1.5 key transport',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-algorithms',
      params: {
        keyTransport: 'rsa-1_5',
      },
    },
  ],
  expect: 'reject',
  tags: ['encryption'],
  why: 'The content key is wrapped with rsa-1_5. XML Encryption 1.1 says implementing it is NOT RECOMMENDED: an SP that decrypts it is a Bleichenbacher oracle for its own private key (Jager, Schinzel, Somorovsky 2012), which opens every assertion ever encrypted to it. xml-encryption refuses it by default, Shibboleth SP excludes it; a correct SP refuses.',
  refs: [
    'W3C XML Encryption 1.1 §5.5.1 (RSA v1.5: NOT RECOMMENDED), §6.5',
    "Jager, Schinzel, Somorovsky: Bleichenbacher's Attack Strikes Again (ESORICS 2012)",
  ],
  caughtBy: ['insecure-encryption'],
});
