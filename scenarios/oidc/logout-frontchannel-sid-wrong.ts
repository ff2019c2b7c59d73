import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'oidc.logout.frontchannel-sid-wrong',
  title: 'Front-channel logout naming another session (sid)',
  protocol: 'oidc',
  faults: [{ fault: 'oidc.frontchannel-logout.sid', params: { value: 'sid-of-another-session' } }],
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
  why: "The front-channel logout names a sid that is not this browser's session (another session of the IdP, or a guess). A correct RP ends only the session whose id_token carried that sid, so this one stays; an RP that ignores sid and ends whatever session the browser has can be logged out by any page that frames its logout URL. The probe then shows the user still logged in.",
  refs: [
    'OpenID Connect Front-Channel Logout 1.0 §2 (sid identifies the session to log out)',
    'OpenID Connect Session Management 1.0 §5 (sid)',
  ],
  caughtBy: ['frontchannel-logout-sid'],
});
