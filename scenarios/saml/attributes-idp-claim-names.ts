import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.attributes.idp-claim-names',
  title: "Attributes under the IdP's own names (ADFS claim-type URIs)",
  protocol: 'saml',
  requires: {
    persona: 'adfs',
  },
  faults: [],
  expect: 'accept',
  tags: ['attributes', 'multi-provider'],
  why: 'ADFS names attributes by claim-type URI (http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress, .../upn, http://schemas.microsoft.com/ws/2008/06/identity/claims/role) with NameFormat uri; Okta sends whatever the admin typed (often email, firstName), OneLogin User.email and memberOf. An SP that reads only "email" finds no email in an ADFS assertion and refuses, or creates a nameless account. A correct SP maps each connection to the names its IdP sends and logs the user in.',
  refs: [
    'Microsoft Learn, AD FS: Create a Rule to Send LDAP Attributes as Claims (claim types)',
    'SAML 2.0 Core §2.7.3.1 (Attribute Name, NameFormat)',
  ],
  caughtBy: ['attribute-names-plain'],
});
