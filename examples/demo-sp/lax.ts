import { DemoSpError } from './errors.ts';

/**
 * The demo SP's lax switches. Each turns off exactly one check of the strict SP, so
 * that every negative scenario has a switch with which this SP wrongly accepts it
 * (the scenario's `caughtBy`). Reason codes on the refusal pages carry the same names.
 */
export const laxSwitches = {
  // SAML
  audience: 'SAML: accept an assertion whose AudienceRestriction names another SP',
  destination: 'SAML: accept a Response whose Destination is missing or is not this ACS URL',
  recipient: 'SAML: accept a SubjectConfirmationData Recipient that is missing or not this ACS URL',
  'in-response-to': 'SAML: accept an InResponseTo that matches no AuthnRequest this SP sent',
  unsolicited: 'SAML: accept unsolicited (IdP-initiated) responses on connections that do not allow them',
  'replay-cache': 'SAML: accept an assertion ID that was already used (no replay cache)',
  'signature-required':
    'SAML: accept responses in which neither the Response nor the Assertion is validly signed',
  'signature-wrapping':
    'SAML: read the first Assertion in the document instead of the one the signature covers',
  'response-wrapping':
    "SAML: once any signature in the document verifies, read the outermost Response's own Assertion (XSW1, XSW2)",
  'first-text-node':
    'SAML: read the NameID and email from the received document, first text node only (a comment or processing instruction cuts them short: CVE-2017-11427)',
  'certificate-expiry': 'SAML: trust an expired or not-yet-valid IdP signing certificate',
  'keyinfo-trust':
    'SAML: trust the certificate sent in the signature KeyInfo instead of only the registered one',
  'weak-crypto': 'SAML: allow SHA-1 signatures and digests, SHA-1 certificates and RSA keys under 2048 bits',
  issuer: 'SAML: accept a Response or Assertion Issuer that is not the IdP entityID',
  status: 'SAML: ignore a non-Success StatusCode when an assertion is present',
  'nameid-format': 'SAML: accept any NameID format (transient, unknown) and a missing NameID',
  'authn-context': 'SAML: accept an AuthnContextClassRef weaker than the one requested',
  'required-attributes': 'SAML: accept an assertion without the email attribute (falls back to the NameID)',
  'session-not-on-or-after':
    'SAML: ignore SessionNotOnOrAfter (accept an AuthnStatement whose SessionNotOnOrAfter has passed, keep the session after it)',
  doctype: 'SAML: accept XML that carries a DOCTYPE (DTD / entity declarations)',
  'metadata-pinned':
    'SAML: read the IdP metadata once and keep its certificates for good (no refresh, no rollover)',
  'idp-logout-ignored': "SAML: answer the IdP's LogoutRequest with Success but end no session",
  // Both protocols
  'clock-skew':
    'Widen the allowed clock skew from 60 seconds to 1 hour (SAML conditions, id_token exp/nbf/iat)',
  'issue-instant': 'Accept an IssueInstant / iat in the future or too far in the past',
  // OIDC
  nonce: 'OIDC: accept an id_token whose nonce is missing or is not the one this login sent',
  state: 'OIDC: accept an authorization response whose state is missing or does not match',
  'id-token-signature': 'OIDC: accept an id_token whose signature does not verify (or whose key is unknown)',
  'alg-none': 'OIDC: accept an unsigned id_token (alg "none")',
  'hs-confusion': 'OIDC: accept an HMAC-signed id_token (HS256/384/512) without verifying it',
  'oidc-issuer': 'OIDC: accept an id_token iss (or discovery issuer) that is not the configured issuer',
  'oidc-audience': 'OIDC: accept an id_token whose aud is another client or carries extra audiences',
  azp: 'OIDC: accept an azp that is another client, or none when there are several audiences',
  'auth-response-iss': 'OIDC: ignore the authorization response iss parameter (RFC 9207)',
  'userinfo-sub': 'OIDC: accept a userinfo sub that differs from the id_token sub',
  'email-verified': 'OIDC: use an email whose email_verified is not true',
  tenant: 'OIDC: accept an Entra id_token from another tenant (tid)',
  'hosted-domain': 'OIDC: accept a Google id_token whose hd is not the configured Workspace domain',
  'oidc-status':
    'OIDC: ignore an error that comes with a result (a code beside error=, tokens in an HTTP error)',
  'id-token-required':
    'OIDC: with no id_token, log in whoever userinfo names for the access token (plain OAuth 2.0)',
  'code-replay': 'OIDC: let an already used redirect URI request log its user in again, from any browser',
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
