import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.time.session-expired',
  title: 'SessionNotOnOrAfter already passed',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.session-expired',
      params: {
        secondsAgo: 120,
      },
    },
  ],
  expect: 'reject',
  tags: ['time', 'session'],
  why: 'The IdP says the session it authenticated ended two minutes ago. A correct SP does not start (or keep) a session beyond SessionNotOnOrAfter.',
  refs: ['SAML 2.0 Core §2.7.2 (SessionNotOnOrAfter)'],
  caughtBy: ['session-not-on-or-after'],
});
