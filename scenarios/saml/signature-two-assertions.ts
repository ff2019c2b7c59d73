import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.two-assertions-one-signed',
  title: 'Two assertions, only one signed',
  protocol: 'saml',
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
        identity: '{{victim.email}}',
        position: 'before',
      },
    },
  ],
  expect: {
    notAs: 'victim',
  },
  tags: ['signature', 'xsw', 'security'],
  why: "Bob's response carries his signed assertion and, in front of it, an unsigned assertion for alice. SAML allows several assertions in one response, but each counts only under its own valid signature: a correct SP refuses the second assertion outright (most do) or reads only the signed one, never the unsigned one.",
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (<Response> usage)',
    'SAML 2.0 Core §5.4',
    'Somorovsky et al., "On Breaking SAML", USENIX Security 2012',
  ],
  caughtBy: ['signature-wrapping'],
});
