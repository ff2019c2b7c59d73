import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.replay.code-query',
  title: 'Authorization response replayed from another browser (query)',
  protocol: 'oidc',
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
  tags: ['replay', 'authorization-response'],
  why: 'The redirect back to the SP (code and state in the URL) leaks, through browser history, a proxy log or a Referer, and is opened again in another browser. A correct SP completes a login only in the browser that started it (state and PKCE verifier live in that session) and the code works once, so the replay logs nobody in. An SP that remembers finished callbacks by code, or keeps state outside the session, hands the attacker a session.',
  refs: [
    'RFC 6749 §4.1.2 (code single use) and §10.5',
    'RFC 9700 §4.5 (Authorization Code Injection) and §2.1.1 (PKCE)',
    'OIDC Core §3.1.2.7',
  ],
  caughtBy: ['code-replay'],
});
