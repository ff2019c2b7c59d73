import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.aes128-cbc',
  title: 'Encrypted assertion: AES-128-CBC under a signed Response',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-algorithms',
      params: {
        data: 'aes128-cbc',
      },
    },
  ],
  expect: 'accept',
  tags: ['encryption', 'tolerance'],
  why: "The assertion is AES-128-CBC encrypted and the Response signature covers the EncryptedAssertion. CBC is open to Jager and Somorovsky's padding-oracle attack only when the SP decrypts ciphertext nobody authenticated; here the SP verifies the signature over the ciphertext first, so modified ciphertext never reaches the decryptor. XML Encryption 1.1 still requires AES-CBC, and ADFS and Entra ID encrypt with it by default, so a correct SP accepts it (xml-encryption 4+ refuses CBC by default: an over-strict default).",
  refs: [
    'W3C XML Encryption 1.1 §5.1.1 (AES-128-CBC REQUIRED), §6.5 (chosen-ciphertext attacks, CBC)',
    'Jager, Somorovsky: How To Break XML Encryption (CCS 2011)',
  ],
  caughtBy: ['strict-gcm-only'],
});
