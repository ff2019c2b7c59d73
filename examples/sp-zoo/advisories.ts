import { passportSamlSp } from './passport-saml/index.ts';
import { samlifySp } from './samlify/index.ts';
import type { ZooSp } from './types.ts';

/** One SP library as the advisory test runs it: the zoo specimen, loaded from a given module. */
export interface AdvisorySp {
  sp: ZooSp;
  /** The library checks turned on (keys of the specimen's `hardening`), e.g. to accept assertion-only signing. */
  hardened: readonly string[];
}

/**
 * A published advisory in an SP library whose trigger is an IdP's response, and the catalog
 * scenario that catches it: the scenario fails on the vulnerable version and passes on the
 * fixed one. The versions are npm aliases in package.json's devDependencies.
 */
export interface Advisory {
  id: string;
  library: string;
  summary: string;
  scenarioId: string;
  vulnerable: AdvisoryVersion;
  fixed: AdvisoryVersion;
}

/** One side of an advisory: the SP, what the installed module's version starts with, and the versions in words. */
export type AdvisoryVersion = AdvisorySp & { version: string; label: string };

/** node-saml 5.x refuses a Response without its own signature unless told the IdP signs only assertions. */
const assertionOnly = ['saml.signature.assertion-only'];

export const advisories: readonly Advisory[] = [
  {
    id: 'CVE-2025-54419',
    library: '@node-saml/node-saml (through @node-saml/passport-saml)',
    summary:
      'verified a signature found anywhere inside the signed element and read the assertion from the received document, not from the verified bytes',
    scenarioId: 'saml.signature.relocated-into-subject',
    vulnerable: {
      sp: passportSamlSp('passport-saml-5-0-1'),
      hardened: assertionOnly,
      version: '5.0.1',
      label: 'node-saml 5.0.1 (passport-saml 5.0.1)',
    },
    fixed: {
      sp: passportSamlSp(),
      hardened: assertionOnly,
      version: '5.1',
      label: 'node-saml 5.1.0 (passport-saml 5.1)',
    },
  },
  {
    id: 'CVE-2025-29775',
    library: 'xml-crypto (through @node-saml/node-saml)',
    summary:
      "took DigestValue's first child node as the digest, so a comment there stood in for the real one",
    scenarioId: 'saml.signature.digest-comment',
    vulnerable: {
      sp: passportSamlSp('passport-saml-5-0-0'),
      hardened: [],
      version: '5.0.0',
      label: 'xml-crypto 6.0.0 (node-saml 5.0.0, passport-saml 5.0.0)',
    },
    fixed: {
      sp: passportSamlSp('passport-saml-5-0-1'),
      hardened: [],
      version: '5.0.1',
      label: 'xml-crypto 6.3 (node-saml 5.0.1, passport-saml 5.0.1)',
    },
  },
  {
    id: 'CVE-2025-47949',
    library: 'samlify',
    summary:
      "took a valid signature at the Response's place to mean the Response is signed, whatever element its reference named",
    scenarioId: 'saml.signature.assertion-signature-on-response',
    vulnerable: { sp: samlifySp('samlify-2-9-1'), hardened: [], version: '2.9.1', label: 'samlify 2.9.1' },
    fixed: { sp: samlifySp('samlify-2-10-0'), hardened: [], version: '2.10.0', label: 'samlify 2.10.0' },
  },
];
