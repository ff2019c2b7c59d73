import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.aes256-gcm',
  title: 'Encrypted assertion: RSA-OAEP and AES-256-GCM',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-algorithms',
      params: {
        keyTransport: 'rsa-oaep-mgf1p',
        data: 'aes256-gcm',
      },
    },
  ],
  expect: 'accept',
  tags: ['encryption', 'tolerance'],
  why: 'The assertion is encrypted as current IdPs do by default: the content key wrapped with RSA-OAEP (rsa-oaep-mgf1p, REQUIRED by XML Encryption 1.1) and the assertion in AES-256-GCM, authenticated encryption. A correct SP that asked for encrypted assertions decrypts it; one whose library predates XML Encryption 1.1 (no GCM) refuses every login.',
  refs: [
    'W3C XML Encryption 1.1 §5.1.1 (algorithm table), §5.2.4 (AES-GCM), §5.5.2 (RSA-OAEP)',
    'SAML 2.0 Core §2.3.4 (EncryptedAssertion)',
  ],
  caughtBy: ['strict-xmlenc-1.0'],
});
