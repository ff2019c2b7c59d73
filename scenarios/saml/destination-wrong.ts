import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.destination.wrong',
  title: 'Response Destination is another ACS URL',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.destination',
      params: {
        value: 'https://other-sp.invalid/saml/acs',
      },
    },
  ],
  expect: 'reject',
  tags: ['destination'],
  why: 'The signed Response says it is for another ACS URL, yet it arrives here: an "ACS mismatch". It was meant for another SP (or another connection) and is being replayed here; a correct SP compares Destination with the URL it received the response at.',
  refs: [
    'SAML 2.0 Bindings §3.5.5.2 (Destination must match the receiving URL)',
    'SAML 2.0 Core §3.2.2 (Destination)',
  ],
  caughtBy: ['destination'],
});
