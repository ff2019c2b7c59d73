import { DemoSpError } from './errors.ts';

/**
 * The demo SP's lax switches. Each turns off exactly one check of the strict SP, so
 * that every negative scenario has a switch with which this SP wrongly accepts it
 * (the scenario's `caughtBy`). Reason codes on the refusal pages carry the same names.
 *
 * Names prefixed `strict-` work the other way round: each makes the SP over-strict in
 * one way real SPs are (a fixed-format date parser, an old decryption library), so that
 * a positive scenario, which a correct SP accepts, is proven able to fail too (its
 * `caughtBy` names the `strict-` switch).
 */
export const laxSwitches = {
  // SAML
  audience: 'SAML: accept an assertion whose AudienceRestriction names another SP',
  destination: 'SAML: accept a Response whose Destination is missing or is not this ACS URL',
  recipient:
    'SAML: accept an assertion without a bearer SubjectConfirmation, or whose SubjectConfirmationData Recipient is missing or not this ACS URL',
  'in-response-to': 'SAML: accept an InResponseTo that matches no AuthnRequest this SP sent',
  unsolicited: 'SAML: accept unsolicited (IdP-initiated) responses on connections that do not allow them',
  'replay-cache': 'SAML: accept an assertion ID that was already used (no replay cache)',
  'saml-request-in-session':
    "SAML: know sent AuthnRequest IDs only in the SameSite=Lax session (lost on the IdP's cross-site POST)",
  'signature-required':
    'SAML: accept responses in which neither the Response nor the Assertion is validly signed',
  'signature-wrapping':
    'SAML: read the first Assertion in the document instead of the one the signature covers',
  'response-wrapping':
    "SAML: once any signature in the document verifies, read the outermost Response's own Assertion (XSW1, XSW2)",
  'signature-placement':
    'SAML: verify a signature found anywhere inside the signed element and read the received document (node-saml 5.0.1, CVE-2025-54419)',
  'digest-comment':
    "SAML: take a DigestValue's first child node as the digest, so a comment there counts (xml-crypto before 6.0.1, CVE-2025-29775)",
  'unknown-transforms':
    'SAML: skip a Reference Transform this SP does not know (XSLT, XPath filter) instead of refusing the signature',
  'duplicate-id':
    "SAML: resolve a signature's reference to the first element with that ID, even when several carry it",
  'last-assertion': 'SAML: accept several assertions once one signature verifies, and read the last one',
  'invalid-inner-signature':
    "SAML: once a signature covers the Response, ignore an Assertion's own signature that does not verify",
  'first-text-node':
    'SAML: read the NameID and email from the received document, first text node only (a comment or processing instruction cuts them short: CVE-2017-11427)',
  'certificate-expiry': 'SAML: trust an expired or not-yet-valid IdP signing certificate',
  'keyinfo-trust':
    'SAML: trust the certificate sent in the signature KeyInfo instead of only the registered one',
  'keyinfo-chain':
    'SAML: trust every certificate sent in KeyInfo once one of them is the registered IdP certificate',
  'weak-crypto': 'SAML: allow SHA-1 signatures and digests, SHA-1 certificates and RSA keys under 2048 bits',
  issuer:
    'SAML: accept a Response or Assertion Issuer that is not the IdP entityID, or several Issuer elements (reads the first)',
  status: 'SAML: ignore a non-Success StatusCode when an assertion is present',
  'nameid-format': 'SAML: accept any NameID format (transient, unknown) and a missing NameID',
  'authn-context': 'SAML: accept an AuthnContextClassRef weaker than the one requested',
  'required-attributes': 'SAML: accept an assertion without the email attribute (falls back to the NameID)',
  'attribute-names-plain':
    "SAML: read only attributes named email and groups, not the connection's mapping (ADFS claim URIs)",
  // SAML structure and encryption (issue #12)
  version: 'SAML: accept a Response or Assertion whose Version is not "2.0"',
  'duplicate-attributes':
    "SAML: accept an assertion that repeats an Attribute Name (reads the first element's values)",
  'encryption-required':
    'SAML: accept a plaintext Assertion on a connection that requires encrypted assertions',
  'insecure-encryption':
    'SAML: decrypt RSA PKCS#1 v1.5 key transport, and AES-CBC content that no verified Response signature covers',
  // Over-strict SAML: each makes a positive scenario fail (see above)
  'strict-timestamps':
    'Over-strict SAML: read instants only as YYYY-MM-DDThh:mm:ss.sssZ (exactly three fractional digits), as a fixed-format date parser does',
  'strict-attribute-name-format': 'Over-strict SAML: refuse an Attribute that carries no NameFormat',
  'strict-issuer-format': 'Over-strict SAML: refuse an Issuer that carries no Format attribute',
  'strict-authn-context-exact':
    'Over-strict SAML: require the AuthnContextClassRef to equal the requested one, though the request said minimum',
  'strict-xmlenc-1.0':
    'Over-strict SAML: decrypt only XML Encryption 1.0 algorithms (rsa-oaep-mgf1p, AES-CBC): no AES-GCM, no xmlenc11#rsa-oaep',
  'strict-gcm-only':
    'Over-strict SAML: refuse AES-CBC content encryption even when a verified Response signature covers it',
  'lenient-xml':
    'SAML: repair XML that is not well-formed (a repeated attribute: the first one is kept) instead of refusing it',
  'session-not-on-or-after':
    'SAML: ignore SessionNotOnOrAfter (accept an AuthnStatement whose SessionNotOnOrAfter has passed, keep the session after it)',
  doctype: 'SAML: accept XML that carries a DOCTYPE (DTD / entity declarations)',
  'metadata-pinned':
    'SAML: read the IdP metadata once and keep its certificates for good (no refresh, no rollover)',
  'idp-logout-ignored': "SAML: answer the IdP's LogoutRequest with Success but end no session",
  // Both protocols
  'clock-skew':
    'Widen the allowed clock skew from 60 seconds to a day (SAML NotBefore, NotOnOrAfter, SessionNotOnOrAfter, IssueInstant; id_token exp, nbf, iat, auth_time)',
  'issue-instant': 'Accept an IssueInstant / iat in the future or too far in the past',
  'no-skew-allowance':
    'Allow no clock skew at all (0 s): an IdP clock seconds ahead, or a time just past, fails the login',
  // OIDC
  nonce: 'OIDC: accept an id_token whose nonce is missing or is not the one this login sent',
  state: 'OIDC: accept an authorization response whose state is missing or does not match',
  'id-token-signature': 'OIDC: accept an id_token whose signature does not verify (or whose key is unknown)',
  'alg-none': 'OIDC: accept an unsigned id_token (alg "none" in any letter case: None, NONE)',
  'hs-confusion': 'OIDC: accept an HMAC-signed id_token (HS256/384/512) without verifying it',
  'jwt-header-key':
    'OIDC: verify the id_token with a key its header names (embedded jwk, jku or x5u URL, x5c certificate)',
  'kid-injection':
    'OIDC: take the HMAC key from a lookup the kid steers (a key file path, an SQL query), HS256 included',
  'psychic-signature': 'OIDC: accept an ES256 signature with r = s = 0 (Java 15-18 ECDSA, CVE-2022-21449)',
  'alg-unknown': 'OIDC: skip the signature check when the header names an alg this SP does not know',
  crit: 'OIDC: ignore id_token header members listed in crit that this SP does not understand',
  'jwt-typ': 'OIDC: accept an id_token whose typ names another kind of token (at+jwt, logout+jwt)',
  'claims-required':
    'OIDC: check iss, exp and iat only when present; without sub, take the email as the subject',
  'at-hash': 'OIDC: do not compare the id_token at_hash with the access token',
  'refresh-identity':
    'OIDC: keep the session when a refreshed id_token names another sub or iss than the login',
  'oidc-issuer': 'OIDC: accept an id_token iss (or discovery issuer) that is not the configured issuer',
  'oidc-audience': 'OIDC: accept an id_token whose aud is another client or carries extra audiences',
  azp: 'OIDC: accept an azp that is another client, or none when there are several audiences',
  'auth-response-iss': 'OIDC: ignore the authorization response iss parameter (RFC 9207)',
  'userinfo-sub': 'OIDC: accept a userinfo sub that differs from the id_token sub',
  'email-verified': 'OIDC: use an email whose email_verified is not true',
  tenant: 'OIDC: accept an Entra id_token from another tenant (tid)',
  'multi-tenant-issuer':
    'OIDC: with a {tenantid} issuer (Entra multi-tenant), accept an iss of any tenant, not of its tid',
  'hosted-domain': 'OIDC: accept a Google id_token whose hd is not the configured Workspace domain',
  'oidc-status':
    'OIDC: ignore an error that comes with a result (a code beside error=, tokens in an HTTP error)',
  'id-token-required':
    'OIDC: with no usable id_token (none, or a JWE it cannot decrypt), log in whoever userinfo names for the access token (plain OAuth 2.0)',
  'code-replay': 'OIDC: let an already used redirect URI request log its user in again, from any browser',
  'oidc-state-in-session':
    "OIDC: keep a started login only in the SameSite=Lax session cookie (lost on the IdP's cross-site form_post)",
  'state-any-browser':
    'OIDC: find a started login by its state alone, whichever browser the response arrives in (login CSRF)',
  'jwks-no-refresh':
    'OIDC: keep the first JWKS fetched for good (no refetch when it is stale or a token names an unknown kid)',
  // OIDC Back-Channel Logout 1.0 (§2.6: each check of the logout token)
  'logout-token-alg-none': 'OIDC back-channel logout: accept an unsigned logout token (alg "none")',
  'logout-token-signature':
    'OIDC back-channel logout: accept a logout token whose signature does not verify (or whose key is unknown)',
  'logout-token-issuer': 'OIDC back-channel logout: accept a logout token from another issuer',
  'logout-token-audience': 'OIDC back-channel logout: accept a logout token addressed to another client',
  'logout-token-claims': 'OIDC back-channel logout: accept a logout token without iat or jti',
  'logout-token-expired':
    'OIDC back-channel logout: accept a logout token whose exp has passed (or that has none)',
  'logout-token-events':
    'OIDC back-channel logout: accept a JWT without the back-channel logout member in events',
  'logout-token-nonce': 'OIDC back-channel logout: accept a logout token that carries a nonce',
  'logout-token-subject':
    'OIDC back-channel logout: accept a logout token with neither sid nor sub (and end every session of the connection)',
  'backchannel-logout-ignored':
    'OIDC back-channel logout: answer a valid logout token with 200 but end no session',
  // OIDC Front-Channel Logout 1.0
  'frontchannel-logout-iss':
    'OIDC front-channel logout: accept a request whose iss is missing or another issuer',
  'frontchannel-logout-sid':
    "OIDC front-channel logout: ignore sid and end the browser's own session, whatever session the request names",
  'frontchannel-logout-ignored': 'OIDC front-channel logout: answer the request but end no session',
  // Account policy
  'match-by-email':
    'Match users by email alone, ignoring the subject (NameID, sub, oid) already linked to them',
  'connection-binding': 'Let a user log in through any connection, not only the one bound to them',
  'keep-session-on-login':
    'A new login in a browser that already has a session keeps the earlier user logged in',
  'email-case-sensitive': 'Compare emails case-sensitively (Alice@ and alice@ are two accounts)',
  'email-domain': "Accept an email outside the connection's allowed domains",
  'disabled-connection': 'Let a disabled connection (and its users) log in',
  jit: 'Provision any unknown user (JIT on everywhere, even invite-only connections)',
  // Sessions
  'logout-keeps-session': 'Logout: send the IdP a logout request but keep the local session',
  // Provisioning (SCIM 2.0, examples/demo-sp/scim/)
  'scim-auth': 'SCIM: accept any bearer token, or none',
  'scim-ignore-active': 'SCIM: store active=false but keep the account able to log in',
  'scim-keep-sessions': 'SCIM: deactivating or deleting a user leaves their open sessions working',
  'scim-username-case': 'SCIM: match userName case-sensitively (filters and uniqueness)',
  'scim-uniqueness': 'SCIM: create a second user with a userName that is already taken',
  'scim-duplicate-on-login':
    'SCIM: on the first SSO login of a provisioned user, ignore the provisioned account (JIT makes a second one)',
  'scim-string-booleans': 'SCIM: refuse the string booleans Entra sends ("False") with 400',
  'scim-op-case': 'SCIM: refuse PATCH op names that are not lower case ("Replace" from Entra)',
  'scim-strict-schema': 'SCIM: refuse a resource that carries an attribute this SP does not know',
  'scim-delete-keeps-login': 'SCIM: DELETE hides the user from SCIM but the account still logs in',
  'scim-group-roles': 'SCIM: group membership changes do not change the role of the members',
  'scim-pagination': 'SCIM: ignore startIndex and count in list requests',
} as const;

export type LaxName = keyof typeof laxSwitches;
export const laxNames = Object.keys(laxSwitches) as LaxName[];

export function isLaxName(name: string): name is LaxName {
  return Object.hasOwn(laxSwitches, name);
}

/** Reads `audience,replay-cache` (CLI) or a list (options); an unknown name lists the known ones. */
export function parseLax(input: string | readonly string[] | undefined): ReadonlySet<LaxName> {
  const names = typeof input === 'string' ? input.split(',') : (input ?? []);
  const out = new Set<LaxName>();
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    if (!isLaxName(name)) {
      throw new DemoSpError(
        'LAX_UNKNOWN',
        `unknown lax switch "${name}"; known switches: ${laxNames.join(', ')}`,
      );
    }
    out.add(name);
  }
  return out;
}

/** Whether a switch makes the SP over-strict (for positive scenarios) rather than lax. */
export function isStrictSwitch(name: string): boolean {
  return name.startsWith('strict-');
}
