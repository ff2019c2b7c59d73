import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.deactivated-session-ends',
  title: 'The SP session ends at SessionNotOnOrAfter (a user the IdP is about to deactivate)',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.session-lifetime',
      params: { seconds: 3, earlierBySeconds: '{{target.clockSkewSeconds}}' },
    },
  ],
  expect: {
    steps: [
      { action: 'login', expect: 'accept' },
      // One second past SessionNotOnOrAfter plus the skew the target declares.
      { action: 'wait', seconds: 4, expect: 'reject' },
    ],
  },
  tags: ['users', 'session', 'stateful'],
  why: "The IdP grants a session that ends in three seconds (SessionNotOnOrAfter): the user is being deactivated, or the IdP's session policy is short. After that instant the IdP no longer vouches for the user, so the SP's session must end too; the next request makes the user log in again, and the IdP refuses a deactivated one. An SP that keeps its own session for hours after SessionNotOnOrAfter lets a removed employee keep working. SessionNotOnOrAfter is written the target's declared clock skew earlier (targets.<t>.clockSkewSeconds), still inside what it accepts, so an SP that adds its skew allowance to the session end, as ruby-saml does, is judged at three seconds like one that does not.",
  refs: [
    'SAML 2.0 Core §2.7.2 (SessionNotOnOrAfter: the SP session must end by then)',
    'SAML 2.0 Profiles §4.1.4.2',
  ],
  caughtBy: ['session-not-on-or-after'],
});
