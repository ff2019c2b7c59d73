import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.cbc-unauthenticated',
  title: 'AES-CBC encrypted assertion that no Response signature covers',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.signed-parts',
      params: {
        targets: 'assertion',
      },
    },
    {
      fault: 'saml.encryption-algorithms',
      params: {
        data: 'aes256-cbc',
      },
    },
  ],
  expect: 'reject',
  tags: ['encryption'],
  why: 'The assertion is AES-CBC encrypted and only signed inside the encryption: nothing authenticates the ciphertext before the SP decrypts it. An attacker can then replay modified ciphertexts and read the plaintext byte by byte from how the SP fails (Jager and Somorovsky, 2011). A correct SP refuses unauthenticated CBC (requires AES-GCM or a signature over the ciphertext); the IdP fix is GCM or signing the Response.',
  refs: [
    'W3C XML Encryption 1.1 §6.5 (chosen-ciphertext attacks against CBC)',
    'Jager, Somorovsky: How To Break XML Encryption (CCS 2011)',
    'xml-encryption disallowDecryptionWithInsecureAlgorithm',
  ],
  caughtBy: ['insecure-encryption'],
});
