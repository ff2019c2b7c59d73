import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.aes128-gcm',
  title: 'Encrypted assertion: AES-128-GCM',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-algorithms',
      params: {
        data: 'aes128-gcm',
      },
    },
  ],
  expect: 'accept',
  tags: ['encryption', 'tolerance'],
  why: 'AES-128-GCM is the content cipher XML Encryption 1.1 makes mandatory to implement, and an authenticated one. A correct SP decrypts it; an SP limited to XML Encryption 1.0 (CBC only) refuses.',
  refs: ['W3C XML Encryption 1.1 §5.1.1 (AES-128-GCM REQUIRED), §5.2.4'],
  caughtBy: ['strict-xmlenc-1.0'],
});
