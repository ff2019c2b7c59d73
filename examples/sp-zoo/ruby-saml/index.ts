import { debianSamlSp } from '../debian-saml-sp.ts';
import type { Hardening } from '../hardening.ts';
import type { ZooSp } from '../types.ts';

const id = 'ruby-saml';
const docs = 'https://github.com/SAML-Toolkits/ruby-saml#readme';

/**
 * ruby-saml's own options for checks its defaults leave off (1.13.0: one valid signature,
 * Response or Assertion, is required; audience, destination and recipient are checked when
 * present; no clock drift).
 */
export const hardening: Hardening = {
  signature: {
    option: 'settings.security[:want_assertions_signed] = true',
    hardened: 'settings.security[:want_assertions_signed] = true',
    docsUrl: docs,
    note: 'Default false: an unsigned Assertion inside a signed Response is accepted.',
  },
  'in-response-to': {
    option:
      'Response.new(xml, settings: settings, matches_request_id: session[:request_id]), keeping Authrequest#uuid at login',
    hardened: 'matches_request_id: session[:request_id]',
    docsUrl: docs,
    note: 'InResponseTo is compared only when matches_request_id is given; the README example does not, so unsolicited and mismatched responses are accepted.',
  },
  replay: {
    option: 'none: remember response.assertion_id until its NotOnOrAfter and refuse repeats',
    docsUrl: docs,
    note: 'ruby-saml keeps no record of consumed assertions.',
  },
  audience: {
    option: 'none in 1.13.0 (later releases: settings.security[:strict_audience_validation] = true)',
    docsUrl: docs,
    note: 'An assertion without an AudienceRestriction is accepted; a wrong audience is refused.',
  },
  certificates: {
    option: 'settings.security[:check_idp_cert_expiration] = true',
    hardened: 'settings.security[:check_idp_cert_expiration] = true',
    docsUrl: docs,
    note: 'Default false: a signature by an expired or not-yet-valid IdP certificate is accepted when the certificate is the registered one.',
  },
  subject: {
    option: 'settings.security[:want_name_id] = true',
    hardened: 'settings.security[:want_name_id] = true',
    docsUrl: docs,
    note: 'Default false: a Subject without a NameID passes validation (response.nameid is nil).',
  },
  attributes: {
    option: 'Response.new(xml, settings: settings, check_duplicated_attributes: true)',
    hardened: 'check_duplicated_attributes: true',
    docsUrl: docs,
    note: 'Default off: repeated Attribute names are merged.',
  },
  time: {
    option: 'Response.new(xml, settings: settings, allowed_clock_drift: <seconds>)',
    hardened: 'allowed_clock_drift: 60',
    docsUrl: docs,
    note: 'Default 0: no slack on NotBefore/NotOnOrAfter/SessionNotOnOrAfter; the option only widens the window.',
  },
};

/**
 * OneLogin's ruby-saml on Sinatra (WEBrick), from Debian's ruby-saml (1.13.0 with the
 * CVE-2024-45409 fix). The IdP comes from `IdpMetadataParser#parse_remote`; the routes follow
 * the README's init/consume example (`response.is_valid?` with the settings only).
 */
const rubySaml: ZooSp = debianSamlSp({
  id,
  library: 'ruby-saml',
  package: 'ruby-saml',
  versionPackages: ['ruby-saml', 'ruby-sinatra', 'ruby-webrick'],
  docsUrl: docs,
  hardening,
  displayName: 'ruby-saml (Sinatra)',
  folder: new URL('.', import.meta.url),
});
export default rubySaml;
