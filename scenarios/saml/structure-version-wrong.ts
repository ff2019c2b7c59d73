import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.version-wrong',
  title: 'Version 1.1 on the Response and Assertion',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.version',
      params: {
        version: '1.1',
      },
    },
  ],
  expect: 'reject',
  tags: ['structure'],
  why: 'A SAML 2.0 message MUST carry Version="2.0"; anything else is another protocol the SP does not speak (the IdP should have answered VersionMismatch). A correct SP refuses it instead of reading it as 2.0.',
  refs: [
    'SAML 2.0 Core §3.2.2 (Version: MUST be 2.0)',
    'SAML 2.0 Core §2.3.3',
    'SAML 2.0 Core §4.1 (SAML version)',
  ],
  caughtBy: ['version'],
});
