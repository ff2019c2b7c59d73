import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.subject.nameid-transient',
  title: 'Transient NameID format where a stable one is expected',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.nameid',
      params: {
        format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
      },
    },
  ],
  expect: 'reject',
  tags: ['subject'],
  why: 'The IdP marks the NameID as transient (a one-time value), while the connection links accounts by NameID and accepts only email, unspecified and persistent formats. A correct SP refuses the unexpected format instead of linking an account to a value that changes every login.',
  refs: ['SAML 2.0 Core §8.3.8 (transient)', 'SAML 2.0 Core §8.3.7 (persistent)'],
  caughtBy: ['nameid-format'],
});
