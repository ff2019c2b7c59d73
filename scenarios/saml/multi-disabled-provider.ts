import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.multi-provider.disabled-connection',
  title: "A disabled connection's user pushed in by its IdP",
  protocol: 'saml',
  requires: {
    tag: 'disabled',
  },
  flow: {
    type: 'idp-initiated',
  },
  faults: [],
  expect: 'reject',
  tags: ['multi-provider', 'users'],
  why: 'The legacy connection is disabled at the SP, so its login link refuses at once (an SP-initiated scenario would never reach the IdP). Its IdP can still post an unsolicited response; a correct SP refuses it, both as unsolicited and because the connection is disabled.',
  refs: ['SAML 2.0 Profiles §4.1.5'],
  caughtBy: ['disabled-connection', 'unsolicited'],
});
