import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.destination.missing',
  title: 'Signed Response without Destination',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.destination',
      params: {
        remove: true,
      },
    },
  ],
  expect: 'reject',
  tags: ['destination'],
  why: 'The POST binding requires a Destination on every signed response. Without it nothing ties the signed response to this ACS, so it could be replayed from any SP that trusts the same IdP.',
  refs: ['SAML 2.0 Bindings §3.5.5.2 (Destination MUST be present when signed)'],
  caughtBy: ['destination'],
});
