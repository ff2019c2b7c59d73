import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.certificates.rollover-metadata',
  title: 'IdP certificate rollover through metadata: both certificates, then only the new one',
  protocol: 'saml',
  faults: [],
  expect: {
    steps: [
      // Before: the metadata lists the current certificate only.
      { action: 'login', expect: 'accept' },
      // The announcement: the metadata lists the current and the next certificate.
      {
        action: 'login',
        role: 'victim',
        expect: 'accept',
        faults: [{ fault: 'saml.metadata-certificates', params: { kinds: ['current', 'next'] } }],
      },
      // Whatever the SP cached, it has had time to read the metadata again.
      { action: 'wait', until: 'metadata-max-age', expect: 'accept' },
      // The switch: the IdP signs with the next key. Each login is another user than the
      // one before, so a refused login shows.
      {
        action: 'login',
        expect: 'accept',
        faults: [
          { fault: 'saml.metadata-certificates', params: { kinds: ['current', 'next'] } },
          { fault: 'saml.signing-key', params: { kind: 'next' } },
        ],
      },
      // The old certificate leaves the metadata.
      {
        action: 'login',
        role: 'victim',
        expect: 'accept',
        faults: [
          { fault: 'saml.metadata-certificates', params: { kinds: ['next'] } },
          { fault: 'saml.signing-key', params: { kind: 'next' } },
        ],
      },
    ],
  },
  tags: ['certificates', 'rotation', 'metadata', 'stateful'],
  why: 'A planned IdP certificate rollover as ADFS, Shibboleth and Entra do it: the metadata first lists the old and the new signing certificate, then the IdP signs with the new key, then the old certificate leaves the metadata. The scenario waits out the metadata max-age the harness sent, so an SP that refreshes metadata has seen both certificates before the switch. A correct SP trusts every signing certificate its metadata lists and keeps logging users in through all three phases; one that read the metadata once at setup refuses every login from the switch on.',
  refs: [
    'SAML 2.0 Metadata §2.4.1.1 (KeyDescriptor: several signing keys)',
    'SAML V2.0 Metadata Interoperability Profile §2.5.1 (key rollover)',
    'Microsoft: AD FS certificate rollover (AutoCertificateRollover)',
  ],
  caughtBy: ['metadata-pinned'],
});
