import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.baseline.sp-initiated',
  title: 'Valid SP-initiated login',
  protocol: 'saml',
  faults: [],
  expect: 'accept',
  tags: ['baseline'],
  why: 'The reference login: a correct, signed response for a request the SP sent. If this fails, every other verdict against this target means nothing; fix the connection first.',
  refs: ['SAML 2.0 Profiles §4.1 (Web Browser SSO)'],
});
