import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.email-case-sandbox',
  title: 'Email in another letter case at an email-matched connection',
  protocol: 'saml',
  requires: {
    tag: 'sandbox',
  },
  faults: [
    {
      fault: 'saml.identity',
      params: {
        email: '{{subject.email | capitalize}}',
      },
    },
  ],
  expect: 'accept',
  tags: ['users', 'sandbox'],
  why: 'The sandbox connection finds users by email; the IdP sends Alice@Example.com. A correct SP matches it to alice+sandbox@example.com regardless of case.',
  refs: ['RFC 5321 §2.4'],
});
