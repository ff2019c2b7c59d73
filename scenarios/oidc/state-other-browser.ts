import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.state.other-browser',
  title: 'Authorization response delivered in another browser than the one that started the login',
  protocol: 'oidc',
  flow: {
    delivery: 'other-browser',
  },
  faults: [],
  expect: 'reject',
  tags: ['state', 'authorization-response', 'csrf'],
  why: "The login is started in one browser, and its response (code and state, the SP's own) arrives in another, fresh one: what an attacker does to log a victim's browser into the attacker's account (login CSRF, session fixation). An SP that finds the login by its state alone, in a shared store, logs that browser in. A correct SP binds state, nonce and PKCE verifier to the browser that started the login and refuses.",
  refs: [
    'RFC 9700 §4.7 (CSRF): state or PKCE bound to the user agent',
    'OIDC Core §3.1.2.1 (state), §15.5.2 (nonce)',
  ],
  caughtBy: ['state-any-browser'],
});
