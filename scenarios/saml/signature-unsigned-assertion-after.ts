import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.signature.unsigned-assertion-after',
  title: 'An unsigned assertion for alice after the signed one',
  protocol: 'saml',
  faults: [
    { fault: 'saml.signed-parts', params: { targets: 'assertion' } },
    { fault: 'saml.extra-assertion', params: { identity: '{{victim.email}}', position: 'after' } },
  ],
  expect: { notAs: 'victim' },
  tags: ['signature', 'xsw', 'security'],
  why: "Bob's signed assertion comes first and an unsigned one for alice follows it. An SP that checks that some signature verifies and then reads every assertion in turn, keeping the last one's subject and attributes, logs bob in as alice; the first-assertion readers that the two-assertions scenario catches do not. A correct SP refuses a second assertion or reads only the one its signature covers.",
  refs: [
    'SAML 2.0 Profiles §4.1.4.2 (<Response> usage)',
    'SAML 2.0 Core §5.4.2 (References)',
    'Somorovsky et al., "On Breaking SAML", USENIX Security 2012',
    'CWE-347',
  ],
  caughtBy: ['last-assertion'],
});
