import { fileURLToPath } from 'node:url';
import type { ZooSp } from '../types.ts';
import { samlZooConfig } from '../zoo-config.ts';
import type { ZooHardening } from '../zoo-hardening.ts';
import { debianPackageVersion, spawnZooSp } from '../zoo-process.ts';

const id = 'pysaml2';
const provider = 'zoo-pysaml2';
const docs = 'https://pysaml2.readthedocs.io/en/latest/howto/config.html';

/**
 * pysaml2 (IdentityPython) on Flask, from Debian's python3-pysaml2; xmlsec1 verifies the
 * signatures. Reads the IdP from the harness metadata URL (`metadata: {remote: ...}`).
 */
const pysaml2: ZooSp = {
  id,
  protocol: 'saml',
  library: 'pysaml2',
  source: { kind: 'debian', package: 'python3-pysaml2' },
  docsUrl: docs,
  harnessConfig: (spUrl) =>
    samlZooConfig({
      id,
      displayName: 'pysaml2 (Flask)',
      spUrl,
      provider,
      entityId: `${spUrl}/metadata`,
      acsUrl: `${spUrl}/acs`,
    }),
  async start({ port, harnessUrl }) {
    const version = await debianPackageVersion(['python3-pysaml2', 'xmlsec1', 'python3-flask']);
    return spawnZooSp({
      id,
      command: fileURLToPath(new URL('./start', import.meta.url)),
      args: [String(port), harnessUrl, provider],
      port,
      version,
    });
  },
};
export default pysaml2;

/**
 * pysaml2's own options for checks its defaults leave off (pysaml2 7.0.1: the Response must
 * be signed, the Assertion need not be; InResponseTo is checked against the outstanding
 * queries the app keeps, unsolicited responses are refused).
 */
export const hardening: ZooHardening = {
  signature: {
    option: 'service.sp.want_assertions_signed: True',
    docsUrl: `${docs}#want-assertions-signed`,
    note: 'Default False (want_response_signed defaults to True): an unsigned Assertion inside a signed Response is accepted. Turn it on to require the Assertion itself to be signed.',
  },
  'clock-skew': {
    option: 'accepted_time_diff: <seconds>',
    docsUrl: `${docs}#accepted-time-diff`,
    note: 'Default None: no slack at all on NotBefore/NotOnOrAfter/IssueInstant. The docs warn that it affects every time comparison; keep it small.',
  },
  'in-response-to': {
    option: 'service.sp.allow_unsolicited: False (the default) and pass outstanding= to parse_authn_request_response',
    docsUrl: `${docs}#allow-unsolicited`,
    note: 'On by default, but only as good as the outstanding queries the app passes; an app that passes outstanding=None and sets allow_unsolicited accepts any response.',
  },
  replay: {
    option: 'none: remove the request ID from the outstanding queries once used',
    docsUrl: `${docs}#allow-unsolicited`,
    note: 'pysaml2 keeps no assertion-ID cache; a second delivery is refused only because its InResponseTo is no longer outstanding. With allow_unsolicited on, replays are accepted.',
  },
  'authn-requests-signed': {
    option: 'service.sp.authn_requests_signed: True (with key_file/cert_file)',
    docsUrl: `${docs}#authn-requests-signed`,
    note: 'Default False: AuthnRequests go out unsigned.',
  },
  'name-id-format': {
    option: 'service.sp.name_id_format + name_id_format_allow_create',
    docsUrl: `${docs}#name-id-format`,
    note: 'pysaml2 asks for no NameID format by default and accepts whatever the IdP sends (transient included); pin one if accounts are keyed on it.',
  },
};
