import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.replay',
  title: 'The same response posted again from another browser',
  protocol: 'saml',
  faults: [],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'replay',
        expect: 'reject',
      },
    ],
  },
  tags: ['replay', 'time'],
  why: 'A captured SAMLResponse (browser history, a proxy log, a shared screen) is posted again while it is still valid. The first login succeeds; a correct SP remembers assertion IDs until they expire and refuses the second post.',
  refs: [
    'SAML 2.0 Profiles §4.1.4.5 (the SP must ensure bearer assertions are not replayed)',
    'SAML 2.0 Security and Privacy Considerations §7.1.1.3 (theft of the bearer token)',
  ],
  caughtBy: ['replay-cache'],
});
