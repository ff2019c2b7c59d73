import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.relay-state.missing',
  title: 'No RelayState in the response',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.relay-state',
      params: {
        remove: true,
      },
    },
  ],
  expect: 'accept',
  tags: ['relay-state'],
  why: 'The IdP drops the RelayState the SP sent. A correct SP logs the user in and lands them on its default page.',
  refs: ['SAML 2.0 Bindings §3.5.3 (RelayState)'],
});
