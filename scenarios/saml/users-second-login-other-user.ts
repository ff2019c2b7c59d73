import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.second-login-other-user',
  title: 'A second login as another user in the same browser lands in that user’s account',
  protocol: 'saml',
  expect: {
    steps: [
      { action: 'login', expect: 'accept' },
      { action: 'login', expect: 'accept', role: 'victim' },
    ],
  },
  tags: ['users', 'session'],
  why: 'One person logs in, then another person logs in through the same browser (a shared machine, a support agent switching users). The second assertion names someone else, so a correct SP replaces the session with that account; one that keeps the earlier session shows the first person to the second.',
  refs: ['SAML 2.0 Profiles §4.1.4.3', 'OWASP Session Management Cheat Sheet: renew the session on login'],
  caughtBy: ['keep-session-on-login'],
});
