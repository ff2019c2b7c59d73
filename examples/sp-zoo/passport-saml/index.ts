import { fileURLToPath } from 'node:url';
import { type Hardening, hardenedEnv } from '../hardening.ts';
import { installedNpmVersion } from '../installed.ts';
import { startSpProcess } from '../process.ts';
import type { ZooSp } from '../types.ts';
import { samlZooConfig } from '../zoo-config.ts';

const provider = 'passport-saml';

const docs = 'https://github.com/node-saml/node-saml#config-parameter-details';

/** node-saml's options (through passport-saml) that turn on checks it leaves off (node-saml 5.1). */
export const hardening: Hardening = {
  'saml.signature.assertion-only': {
    option: 'wantAuthnResponseSigned: false',
    hardened: 'wantAuthnResponseSigned: false',
    docsUrl: docs,
    note: 'Default true: a Response whose only signature is on the Assertion is refused. Turn it off for an IdP that signs only assertions (wantAssertionsSigned stays on).',
  },
  'saml.signature.response-only': {
    option: 'wantAssertionsSigned: false',
    hardened: 'wantAssertionsSigned: false',
    docsUrl: docs,
    note: 'Default true: an unsigned Assertion inside a signed Response is refused. Turn it off for an IdP that signs only the Response (wantAuthnResponseSigned stays on).',
  },
  'in-response-to': {
    option: "validateInResponseTo: 'always'",
    hardened: "validateInResponseTo: 'always'",
    docsUrl: docs,
    note: "Default 'never': InResponseTo is not compared with the AuthnRequests this SP sent. 'always' keeps the request IDs in cacheProvider (in memory by default; share one store across processes).",
  },
  replay: {
    option: "validateInResponseTo: 'always'",
    hardened: "validateInResponseTo: 'always'",
    docsUrl: docs,
    note: 'node-saml keeps no cache of consumed assertions; with InResponseTo validation each request ID is removed from the cache when its response arrives, so the same response is refused the second time.',
  },
  'idp-initiated': {
    option: "validateInResponseTo: 'always'",
    hardened: "validateInResponseTo: 'always'",
    docsUrl: docs,
    note: "Unsolicited (IdP-initiated) responses carry no InResponseTo; 'always' refuses them, 'ifPresent' still accepts them.",
  },
  time: {
    option: 'acceptedClockSkewMs: 60_000, maxAssertionAgeMs',
    hardened: 'acceptedClockSkewMs: 60_000',
    docsUrl: docs,
    note: 'acceptedClockSkewMs defaults to 0 (no tolerance for NotBefore / NotOnOrAfter); maxAssertionAgeMs caps how long after IssueInstant an assertion is accepted (default: only NotOnOrAfter).',
  },
  signature: {
    option: 'wantAuthnResponseSigned / wantAssertionsSigned',
    docsUrl: docs,
    note: 'Both are on by default, so a response with only one of the two signatures is refused. Turn one off when the IdP signs only the Response or only the Assertion.',
  },
};

/**
 * @node-saml/passport-saml as its README sets it up, with Express and express-session.
 * `library` loads passport-saml from another module, such as an npm alias of an older
 * version (`passport-saml-5-0-1`, whose node-saml is 5.0.1); the version reported is that
 * module's.
 */
export function passportSamlSp(library = '@node-saml/passport-saml'): ZooSp {
  return {
    id: 'passport-saml',
    protocol: 'saml',
    library: '@node-saml/passport-saml',
    source: { kind: 'npm', package: library },
    docsUrl: 'https://github.com/node-saml/node-saml#config-parameter-details',
    hardening,
    harnessConfig: (spUrl) =>
      samlZooConfig({
        id: 'passport-saml',
        displayName: 'passport-saml (SP zoo)',
        spUrl,
        provider,
        logout: false,
        entityId: `${spUrl}/metadata`,
        acsUrl: `${spUrl}/login/callback`,
      }),
    start: ({ port, harnessUrl, hardened }) =>
      startSpProcess({
        id: 'passport-saml',
        command: process.execPath,
        args: [
          fileURLToPath(new URL('./main.ts', import.meta.url)),
          ...['--port', String(port), '--harness', harnessUrl, '--provider', provider],
          ...(library === '@node-saml/passport-saml' ? [] : ['--library', library]),
        ],
        port,
        version: () => installedNpmVersion(library),
        env: hardenedEnv('passport-saml', hardening, hardened),
      }),
  };
}

export default passportSamlSp();
