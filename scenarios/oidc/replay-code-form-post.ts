import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.replay.code-form-post',
  title: 'Authorization response replayed from another browser (form_post)',
  protocol: 'oidc',
  requires: {
    tag: 'form-post',
  },
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
  tags: ['replay', 'authorization-response', 'form-post'],
  why: 'The same replay with response_mode=form_post: the auto-submitted form (code and state in the body) is posted again from another browser. A correct SP refuses it: no login was started in that browser, and the code was already redeemed.',
  refs: ['OAuth 2.0 Form Post Response Mode §2', 'RFC 9700 §4.5 (Authorization Code Injection)'],
  caughtBy: ['code-replay'],
});
