import { defineScenario } from '../define.ts';

const own = '/samlp:Response/saml:Assertion';

export default defineScenario({
  id: 'saml.signature.duplicate-id',
  title: "A forged assertion for alice with the signed assertion's ID",
  protocol: 'saml',
  faults: [
    { fault: 'saml.signed-parts', params: { targets: 'assertion' } },
    // The signed original goes into samlp:Extensions; a copy with the same ID stays in its place.
    { fault: 'saml.xml-edit', params: { select: own, action: 'duplicate' } },
    { fault: 'saml.xml-edit', params: { select: `(${own})[1]`, action: 'wrap', xml: '<samlp:Extensions/>' } },
    {
      fault: 'saml.xml-edit',
      params: {
        select: '/samlp:Response/samlp:Extensions',
        action: 'move',
        to: '/samlp:Response/samlp:Status',
        position: 'before',
      },
    },
    // The copy keeps the ID, loses the signature and names alice.
    { fault: 'saml.xml-edit', params: { select: `${own}/ds:Signature`, action: 'remove' } },
    {
      fault: 'saml.xml-edit',
      params: { select: `${own}/saml:Subject/saml:NameID`, action: 'set-text', value: '{{victim.email}}' },
    },
    {
      fault: 'saml.xml-edit',
      params: {
        select: `${own}/saml:AttributeStatement/saml:Attribute/saml:AttributeValue[. = '{{subject.email}}']`,
        action: 'set-text',
        value: '{{victim.email}}',
      },
    },
  ],
  expect: { notAs: 'victim' },
  tags: ['signature', 'xsw', 'xml', 'security'],
  why: "Two elements carry the signed assertion's ID: bob's signed original, hidden in samlp:Extensions, and the Response's own Assertion, an unsigned copy naming alice. A verifier that resolves the reference to the first element with that ID finds the original and reports a valid signature; the SP then reads the Response's Assertion and logs bob in as alice. IDs must be unique: a correct verifier refuses to pick one.",
  refs: [
    'SAML 2.0 Core §1.3.4 (ID values are unique in a document) and §5.4.2 (References)',
    'W3C XML Signature Best Practices (Working Group Note, 2013): use only what was signed',
    'GHSA-w553-pwx6-3mg9 (lightsaml): a signed assertion hidden in Extensions, a forged one read',
    'CWE-347',
  ],
  caughtBy: ['duplicate-id'],
});
