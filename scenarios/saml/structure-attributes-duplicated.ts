import { defineScenario } from '../define.ts';

export default defineScenario({
  id: 'saml.structure.attributes-duplicated',
  title: "The email attribute twice, with another user's address",
  protocol: 'saml',
  faults: [
    {
      fault: 'saml.attribute-duplicated',
      params: {
        name: 'email',
        values: ['{{victim.email}}'],
      },
    },
  ],
  expect: 'reject',
  tags: ['structure', 'attributes'],
  why: "Two Attribute elements share the Name email: the subject's address, then the victim's. Which one an SP reads depends on the library (node-saml's profile keeps the last, a first-match reader the first, ruby-saml merges them). For a single-valued identity attribute the assertion is ambiguous, so a correct SP refuses, as python3-saml does by default (DUPLICATED_ATTRIBUTE_NAME_FOUND unless allowRepeatAttributeName).",
  refs: [
    'SAML 2.0 Core §2.7.3.1 (Attribute: Name identifies the attribute)',
    'python3-saml OneLogin_Saml2_Response.get_attributes (allowRepeatAttributeName, default false)',
  ],
  caughtBy: ['duplicate-attributes'],
});
