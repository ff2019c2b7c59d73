import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.relay-state.outside-url',
  title: 'RelayState replaced by an outside URL',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.relay-state',
      params: {
        value: 'https://attacker.invalid/phish',
      },
    },
  ],
  expect: 'accept',
  tags: ['relay-state'],
  why: 'The RelayState that comes back is not the one the SP sent, but an outside URL. The login itself is valid and succeeds; a correct SP then redirects only to its own pages (no open redirect). The probe checks the login; look at the final URL in the result for the redirect.',
  refs: [
    'SAML 2.0 Bindings §3.5.3 (RelayState)',
    'OWASP Unvalidated Redirects and Forwards Cheat Sheet',
    'CWE-601',
  ],
});
