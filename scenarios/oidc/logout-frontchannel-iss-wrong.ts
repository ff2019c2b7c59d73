import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.frontchannel-iss-wrong',
  title: 'Front-channel logout whose iss is another issuer',
  protocol: 'oidc',
  faults: [{ fault: 'oidc.frontchannel-logout.iss', params: { value: 'https://attacker.example/' } }],
  expect: {
    steps: [
      {
        action: 'login',
        expect: 'accept',
      },
      {
        action: 'frontchannel-logout',
        expect: 'accept',
      },
    ],
  },
  tags: ['logout', 'front-channel'],
  why: "The front-channel logout request names another issuer. The URL is public and any page can load it in a frame, so the iss and sid are all the RP has to go on: a correct RP refuses an iss that is not its IdP's and keeps the session. The probe then shows the user still logged in.",
  refs: ['OpenID Connect Front-Channel Logout 1.0 §2 (the RP verifies that iss matches its OP)'],
  caughtBy: ['frontchannel-logout-iss'],
});
