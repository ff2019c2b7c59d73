import { debianSamlSp } from '../debian-saml-sp.ts';
import type { Hardening } from '../hardening.ts';
import type { ZooSp } from '../types.ts';

const id = 'python3-saml';
const docs = 'https://github.com/SAML-Toolkits/python3-saml#settings';

/**
 * python3-saml's own options for checks its defaults leave off (1.12.0, strict mode: the
 * Response or the Assertion must be signed, audience, destination, recipient and issuer are
 * checked; times get a fixed 300 s drift).
 */
export const hardening: Hardening = {
  signature: {
    option: 'security.wantAssertionsSigned: true (security.wantMessagesSigned: true for the Response)',
    hardened: 'security.wantAssertionsSigned: true',
    docsUrl: docs,
    note: 'Both default false: in strict mode one valid signature, on the Response or the Assertion, is enough.',
  },
  'in-response-to': {
    option:
      "session['AuthNRequestID'] = auth.get_last_request_id() at login, then auth.process_response(request_id=...)",
    hardened: "auth.process_response(request_id=session['AuthNRequestID'])",
    docsUrl: 'https://github.com/SAML-Toolkits/python3-saml/blob/master/demo-flask/index.py',
    note: 'InResponseTo is compared only when the app passes request_id (the Flask demo has it commented out); even then a response without InResponseTo is accepted, as 1.12.0 has no rejectUnsolicitedResponsesWithInResponseTo (later releases add it).',
  },
  replay: {
    option:
      'none: keep auth.get_last_assertion_id() until get_last_assertion_not_on_or_after() and refuse repeats',
    docsUrl: docs,
    note: 'The toolkit keeps no record of consumed assertions; replay detection is left to the app.',
  },
  time: {
    option: 'OneLogin_Saml2_Constants.ALLOWED_CLOCK_DRIFT (a class constant, 300 s)',
    docsUrl: docs,
    note: 'Not a setting: every NotBefore/NotOnOrAfter gets 300 s of slack unless the app overrides the constant.',
  },
  'authn-context': {
    option: 'security.failOnAuthnContextMismatch: true',
    hardened: 'security.failOnAuthnContextMismatch: true',
    docsUrl: docs,
    note: 'The AuthnRequest asks for PasswordProtectedTransport (requestedAuthnContext defaults to true), but a weaker AuthnContextClassRef is accepted unless this is on.',
  },
  certificates: {
    option: 'none in 1.12.0 (later releases: security.rejectDeprecatedAlgorithm: true)',
    docsUrl: docs,
    note: 'SHA-1 signatures and digests are accepted, and the IdP certificate is used whatever its validity dates.',
  },
};

/**
 * OneLogin's python3-saml (SAML-Toolkits) on Flask, from Debian's python3-onelogin-saml2
 * (python3-xmlsec verifies). The IdP comes from `OneLogin_Saml2_IdPMetadataParser.parse_remote`;
 * the Flask routes follow the toolkit's demo-flask (which, by default, keeps no AuthnRequest ID).
 */
const python3Saml: ZooSp = debianSamlSp({
  id,
  library: 'python3-saml (OneLogin)',
  package: 'python3-onelogin-saml2',
  versionPackages: ['python3-onelogin-saml2', 'python3-xmlsec', 'python3-flask'],
  docsUrl: docs,
  hardening,
  displayName: 'python3-saml (Flask)',
  folder: new URL('.', import.meta.url),
});
export default python3Saml;
