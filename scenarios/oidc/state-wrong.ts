import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.state.wrong',
  title: 'Authorization response with another state',
  protocol: 'oidc',
  faults: [
    {
      fault: 'oidc.authorization-response.state',
      params: {
        mode: 'wrong',
      },
    },
  ],
  expect: 'reject',
  tags: ['csrf', 'authorization-response'],
  why: "The state coming back is not the one this browser's login sent: a cross-site request forgery or a response injected into someone else's login. A correct SP compares state with the value bound to the browser session and refuses.",
  refs: ['RFC 6749 §10.12 (CSRF)', 'RFC 9700 §4.7 (OAuth 2.0 Security BCP: CSRF)', 'OIDC Core §3.1.2.7'],
  caughtBy: ['state'],
});
