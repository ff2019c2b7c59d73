import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.tolerance.issuer-no-format',
  title: 'Issuer without a Format attribute',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.issuer-format',
    },
  ],
  expect: 'accept',
  tags: ['tolerance', 'issuer'],
  why: 'The Issuer elements carry no Format. When it is absent the entity format is in effect, and the Web SSO profile only says that if present it MUST be entity; a correct SP accepts it.',
  refs: [
    'SAML 2.0 Core §2.2.5 (no Format: entity in effect)',
    'SAML 2.0 Profiles §4.1.4.2 (Format, if present, MUST be entity)',
  ],
  caughtBy: ['strict-issuer-format'],
});
