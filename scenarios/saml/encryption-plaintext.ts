import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.encryption.plaintext',
  title: 'Plaintext assertion where encryption is required',
  protocol: 'saml',
  requires: {
    tag: 'encrypted',
  },
  faults: [
    {
      fault: 'saml.encryption-skipped',
    },
  ],
  expect: 'reject',
  tags: ['encryption'],
  why: "The connection requires encrypted assertions (its metadata publishes an encryption key) and the IdP sends the assertion in plaintext, signed as usual: the attributes crossed the browser readable. A correct SP that requires encryption refuses, as python3-saml's wantAssertionsEncrypted does; otherwise the requirement protects nothing.",
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (assertions MAY be encrypted)',
    'SAML 2.0 Metadata §2.4.1.1 (KeyDescriptor use=encryption)',
    'python3-saml security.wantAssertionsEncrypted',
  ],
  caughtBy: ['encryption-required'],
});
