import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.logout.idp-request-destination-wrong',
  title: 'LogoutRequest whose Destination is another SP',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.logout-destination',
    },
  ],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'idp-logout',
        expect: 'accept',
      },
    ],
  },
  tags: ['logout', 'destination', 'session'],
  why: "The signed LogoutRequest names another SP's SingleLogoutService as its Destination: it was made for someone else and replayed here. A correct SP compares Destination with its own SLO URL and refuses. The probe then shows the user still logged in.",
  refs: [
    'SAML 2.0 Bindings §3.4.5.2 and §3.5.5.2 (Destination of signed messages)',
    'SAML 2.0 Core §3.2.1 (Destination)',
  ],
  caughtBy: ['destination'],
});
