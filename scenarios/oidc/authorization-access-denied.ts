import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.authorization.access-denied',
  title: 'Authorization response error=access_denied (with a code beside it)',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.authorization-response.error',
      params: {
        error: 'access_denied',
        keepCode: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['status', 'authorization-response'],
  why: 'The IdP answers error=access_denied (the user declined, or an admin policy blocked the app). A correct SP stops at the error and says so. This response also carries a code, as a misbehaving IdP or a tampered redirect can: an SP that looks for a code before it looks for an error logs the user in anyway.',
  refs: ['RFC 6749 §4.1.2.1 (Error Response)', 'OIDC Core §3.1.2.6'],
  caughtBy: ['oidc-status'],
});
