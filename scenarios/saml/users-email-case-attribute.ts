import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.users.email-case-attribute',
  title: 'Email attribute in another letter case',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.attribute',
      params: {
        name: 'email',
        values: ['{{subject.email | upper}}'],
      },
    },
  ],
  expect: 'accept',
  tags: ['users'],
  why: 'The IdP sends ALICE@Example.COM; the account is alice@example.com. Email addresses are compared case-insensitively in practice; a correct SP logs alice in instead of refusing or creating a second account.',
  refs: ['RFC 5321 §2.4 (the domain is case-insensitive; treat the local part carefully)'],
});
