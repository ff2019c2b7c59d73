import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.attributes.email-as-mail',
  title: 'Email sent as the LDAP "mail" attribute',
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.attribute',
      params: {
        name: 'email',
        renameTo: 'mail',
      },
    },
  ],
  expect: 'accept',
  tags: ['attributes'],
  why: 'The IdP sends the email under the LDAP name mail instead of email. An SP that knows the usual names (or lets the admin map them) accepts.',
  refs: ['SAML 2.0 Core §2.7.3.1 (Attribute Name)', 'RFC 4524 §2.16 (mail)'],
});
