import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.two-assertions-one-signed',
  title: 'Two assertions, only one signed',
  protocol: 'saml',
  user: 'bob',
  faults: [
    {
      fault: 'saml.signed-parts',
      params: {
        targets: 'assertion',
      },
    },
    {
      fault: 'saml.extra-assertion',
      params: {
        identity: 'alice@example.com',
        position: 'before',
      },
    },
  ],
  expect: {
    notAs: 'alice@example.com',
  },
  tags: ['signature', 'xsw', 'security'],
  why: "Bob's signed assertion is followed by nothing wrong, but an unsigned assertion for alice comes before it. The Web SSO profile allows one assertion per response in practice; a correct SP refuses several, or reads only the signed one, and never the unsigned one.",
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (<Response> usage)',
    'SAML 2.0 Core §5.4',
    'Somorovsky et al., USENIX Security 2012 §5',
  ],
  caughtBy: ['signature-wrapping'],
});
