import { defineScenario } from '../define.ts';

/** The XPath of the Response's own (forged) assertion, after the edits below. */
const own = '/samlp:Response/saml:Assertion';

export default defineScenario({
  id: 'saml.signature.assertion-signature-on-response',
  title: "The Assertion's signature hoisted onto the Response, forged assertion for alice",
  protocol: 'saml',
  faults: [
    { fault: 'saml.signed-parts', params: { targets: 'assertion' } },
    // The signed assertion is copied; the original goes into samlp:Extensions, before Status.
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
    // Its signature (still naming the original's ID) becomes the Response's signature.
    {
      fault: 'saml.xml-edit',
      params: {
        select: '/samlp:Response/samlp:Extensions/saml:Assertion/ds:Signature',
        action: 'move',
        to: '/samlp:Response/saml:Issuer',
        position: 'after',
      },
    },
    // The copy, now the Response's only Assertion, is unsigned and names alice.
    { fault: 'saml.xml-edit', params: { select: `${own}/ds:Signature`, action: 'remove' } },
    {
      fault: 'saml.xml-edit',
      params: { select: own, action: 'set-attribute', name: 'ID', value: '_forged-assertion' },
    },
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
  tags: ['signature', 'xsw', 'security'],
  why: "Bob's signed assertion is hidden, unchanged, in samlp:Extensions, and its signature is moved up to where a Response signature goes; the Response's own Assertion is an unsigned forgery for alice. The signature verifies (its reference finds the hidden original), but it signs the hidden assertion, not the Response. An SP that takes a valid signature at the Response's place to mean the Response is signed, and then reads the Response's Assertion, logs bob in as alice (samlify before 2.10.0, CVE-2025-47949). A correct SP reads only what the signature covers.",
  refs: [
    'CVE-2025-47949 (samlify < 2.10.0: signature wrapping, fixed in 2.10.0)',
    'SAML 2.0 Core §5.4.2 (the Reference names the signed element, which holds the signature)',
    'Somorovsky et al., "On Breaking SAML", USENIX Security 2012',
    'CWE-347',
  ],
  caughtBy: ['response-wrapping'],
});
