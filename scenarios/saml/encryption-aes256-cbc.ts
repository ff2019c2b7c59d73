import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.aes256-cbc',
  title: 'Encrypted assertion: AES-256-CBC under a signed Response (ADFS default)',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-algorithms',
      params: {
        data: 'aes256-cbc',
      },
    },
  ],
  expect: 'accept',
  tags: ['encryption', 'tolerance', 'adfs'],
  why: 'AES-256-CBC is what ADFS and Entra ID send by default. With the Response signature over the EncryptedAssertion verified before decryption there is no padding oracle, so a correct SP accepts it; one that refuses CBC outright cannot work with those IdPs.',
  refs: [
    'W3C XML Encryption 1.1 §5.1.1 (AES-256-CBC REQUIRED), §6.5',
    'Jager, Somorovsky: How To Break XML Encryption (CCS 2011)',
  ],
  caughtBy: ['strict-gcm-only'],
});
