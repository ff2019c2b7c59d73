import { debianSamlSp } from '../debian-saml-sp.ts';
import type { Hardening } from '../hardening.ts';
import type { ZooSp } from '../types.ts';

const id = 'pysaml2';
const docs = 'https://pysaml2.readthedocs.io/en/latest/howto/config.html';

/**
 * pysaml2's own options for checks its defaults leave off (pysaml2 7.0.1: the Response must
 * be signed, the Assertion need not be; InResponseTo is checked against the outstanding
 * queries the app keeps, unsolicited responses are refused).
 */
export const hardening: Hardening = {
  'saml.signature.assertion-only': {
    option: 'service.sp.want_response_signed: False',
    hardened: 'want_response_signed: False',
    docsUrl: `${docs}#want-response-signed`,
    note: 'Default True: a Response whose only signature is on the Assertion is refused, though SAML core allows it. Turn it off for an IdP that signs only assertions (and keep want_assertions_signed on).',
  },
  signature: {
    option: 'service.sp.want_assertions_signed: True',
    hardened: 'want_assertions_signed: True',
    docsUrl: `${docs}#want-assertions-signed`,
    note: 'Default False (want_response_signed defaults to True): an unsigned Assertion inside a signed Response is accepted.',
  },
  'in-response-to': {
    option:
      'service.sp.allow_unsolicited: False (the default), with outstanding= passed to parse_authn_request_response',
    docsUrl: `${docs}#allow-unsolicited`,
    note: 'On by default, but only as good as the outstanding queries the app keeps and passes; with outstanding=None or allow_unsolicited on, any response is taken.',
  },
  replay: {
    option: 'none: drop the request ID from the outstanding queries once it is used',
    docsUrl: `${docs}#allow-unsolicited`,
    note: 'pysaml2 keeps no record of consumed assertions; a second delivery is refused only because its InResponseTo is no longer outstanding.',
  },
  time: {
    option: 'accepted_time_diff: <seconds>',
    hardened: 'accepted_time_diff: 60',
    docsUrl: `${docs}#accepted-time-diff`,
    note: 'Default: no slack at all on NotBefore/NotOnOrAfter; the option only widens the window (the docs warn it applies to every time comparison).',
  },
};

/**
 * pysaml2 (IdentityPython) on Flask, from Debian's python3-pysaml2; xmlsec1 verifies the
 * signatures. Reads the IdP from the harness metadata URL (`metadata: {remote: ...}`).
 */
const pysaml2: ZooSp = debianSamlSp({
  id,
  library: 'pysaml2',
  package: 'python3-pysaml2',
  versionPackages: ['python3-pysaml2', 'xmlsec1', 'python3-flask'],
  docsUrl: docs,
  hardening,
  displayName: 'pysaml2 (Flask)',
  folder: new URL('.', import.meta.url),
});
export default pysaml2;
