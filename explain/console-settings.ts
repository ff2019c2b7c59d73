import type { PersonaName } from '../config/schema.ts';

/**
 * Where each setting lives in a real IdP's admin console, so that a fix on the IdP side
 * names the field the admin has to change. One row per persona (idp/personas/), with
 * the issuer shapes that identify it. Setting names are as the consoles label them.
 */
export type ConsoleTopic =
  | 'audience'
  | 'acs'
  | 'issuer'
  | 'signing-certificate'
  | 'signature-algorithm'
  | 'signed-parts'
  | 'nameid-format'
  | 'nameid-value'
  | 'attributes'
  | 'assignment'
  | 'session'
  | 'authn-context'
  | 'redirect-uri'
  | 'client-id'
  | 'client-secret'
  | 'token-signing'
  | 'claims'
  | 'groups-claim';

export interface ConsoleRow {
  /** The admin console's name. */
  console: string;
  /** Issuer shapes of this IdP (SAML entityID or OIDC issuer). */
  issuers: RegExp[];
  settings: Partial<Record<ConsoleTopic, string>>;
}

export const consoleSettings: Record<PersonaName, ConsoleRow> = {
  entra: {
    console: 'Microsoft Entra admin center',
    issuers: [
      /^https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/?$/i,
      /^https:\/\/login\.microsoftonline\.(com|us)\/[^/]+(\/v2\.0)?\/?$/i,
    ],
    settings: {
      audience:
        'Enterprise applications → your app → Single sign-on → Basic SAML Configuration → Identifier (Entity ID)',
      acs: 'Basic SAML Configuration → Reply URL (Assertion Consumer Service URL)',
      issuer: 'Single sign-on → Set up <app> → Microsoft Entra Identifier',
      'signing-certificate':
        'Single sign-on → SAML Certificates → Token signing certificate (make the new one Active)',
      'signature-algorithm': 'SAML Certificates → Token signing certificate → Edit → Signing Algorithm',
      'signed-parts': 'SAML Certificates → Token signing certificate → Edit → Signing Option',
      'nameid-format': 'Attributes & Claims → Unique User Identifier (Name ID) → Name identifier format',
      'nameid-value': 'Attributes & Claims → Unique User Identifier (Name ID) → Source attribute',
      attributes: 'Attributes & Claims → Additional claims',
      assignment: 'Enterprise applications → your app → Users and groups',
      session: 'Conditional Access → Session → Sign-in frequency',
      'redirect-uri': 'App registrations → your app → Authentication → Redirect URIs',
      'client-id': 'App registrations → your app → Overview → Application (client) ID',
      'client-secret': 'App registrations → your app → Certificates & secrets → Client secrets',
      'token-signing': 'App registrations → your app → Manifest (signing keys are tenant-wide; never HS256)',
      claims: 'App registrations → your app → Token configuration → Add optional claim',
      'groups-claim':
        'App registrations → your app → Token configuration → Add groups claim (filter groups to stay under the overage limit)',
    },
  },
  google: {
    console: 'Google Admin console',
    issuers: [/^https:\/\/accounts\.google\.com(\/o\/saml2\?idpid=.*)?\/?$/i],
    settings: {
      audience: 'Apps → Web and mobile apps → your app → Service provider details → Entity ID',
      acs: 'Service provider details → ACS URL',
      issuer: 'Google Identity Provider details → Entity ID',
      'signing-certificate': 'Google Identity Provider details → Certificate',
      'signed-parts': 'Service provider details → Signed response',
      'nameid-format': 'Service provider details → Name ID format',
      'nameid-value': 'Service provider details → Name ID',
      attributes: 'Your app → SAML attribute mapping',
      assignment: 'Your app → User access (ON for the organizational unit)',
      'redirect-uri':
        'Google Cloud console → APIs & Services → Credentials → OAuth client → Authorized redirect URIs',
      'client-id': 'Google Cloud console → Credentials → OAuth 2.0 Client IDs',
      'client-secret': 'Google Cloud console → Credentials → OAuth client → Client secrets',
      claims: 'Google Cloud console → OAuth consent screen → Scopes',
    },
  },
  okta: {
    console: 'Okta Admin Console',
    issuers: [
      /^https?:\/\/www\.okta\.com\/\w+$/i,
      /^https:\/\/[^/]+\.(okta|oktapreview|okta-emea)\.com(\/oauth2\/[^/]+)?\/?$/i,
    ],
    settings: {
      audience: 'Applications → your app → General → SAML Settings → Audience URI (SP Entity ID)',
      acs: 'SAML Settings → Single sign-on URL',
      issuer: 'Sign On → View SAML setup instructions → Identity Provider Issuer',
      'signing-certificate': 'Sign On → SAML Signing Certificates',
      'signature-algorithm':
        'SAML Settings → Show Advanced Settings → Signature Algorithm / Digest Algorithm',
      'signed-parts': 'SAML Settings → Show Advanced Settings → Response / Assertion Signature',
      'nameid-format': 'SAML Settings → Name ID format',
      'nameid-value': 'SAML Settings → Application username',
      attributes: 'SAML Settings → Attribute Statements',
      assignment: 'Applications → your app → Assignments',
      session: 'Security → Authentication Policies → session lifetime',
      'authn-context': 'SAML Settings → Show Advanced Settings → Authentication context class',
      'redirect-uri': 'Applications → your app → General → Sign-in redirect URIs',
      'client-id': 'Applications → your app → General → Client Credentials → Client ID',
      'client-secret': 'Applications → your app → General → Client Credentials → Client secrets',
      'token-signing': 'Security → API → Authorization Servers → your server → Signing Key Rotation',
      claims: 'Security → API → Authorization Servers → your server → Claims',
      'groups-claim': 'Applications → your app → Sign On → OpenID Connect ID Token → Groups claim filter',
    },
  },
  onelogin: {
    console: 'OneLogin Administration',
    issuers: [
      /^https:\/\/app\.onelogin\.com\/saml\/metadata\/.+$/i,
      /^https:\/\/[^/]+\.onelogin\.com\/oidc\/2\/?$/i,
    ],
    settings: {
      audience: 'Applications → your app → Configuration → Audience (EntityID)',
      acs: 'Configuration → ACS (Consumer) URL and ACS (Consumer) URL Validator; Recipient',
      issuer: 'SSO → Issuer URL',
      'signing-certificate': 'SSO → X.509 Certificate',
      'signature-algorithm': 'SSO → SAML Signature Algorithm',
      'signed-parts': 'Configuration → SAML signature element',
      'nameid-format': 'Configuration → SAML nameID format',
      'nameid-value': 'Parameters → NameID value',
      attributes: 'Parameters',
      assignment: 'Users → Applications, or Roles → Applications',
      session: 'Security → Policies → Session timeout',
      'redirect-uri': 'Applications → your app → Configuration → Redirect URIs',
      'client-id': 'Applications → your app → SSO → Client ID',
      'client-secret': 'Applications → your app → SSO → Client Secret',
      'token-signing': 'Applications → your app → SSO → Token Endpoint → Authentication Method',
      claims: 'Applications → your app → Parameters',
    },
  },
  auth0: {
    console: 'Auth0 Dashboard',
    issuers: [/^urn:[^:]+\.auth0\.com$/i, /^https:\/\/[^/]+\.auth0\.com\/?$/i],
    settings: {
      audience: 'Applications → your app → Addons → SAML2 Web App → Settings → "audience"',
      acs: 'Addons → SAML2 Web App → Application Callback URL (and "recipient", "destination")',
      issuer: 'Addons → SAML2 Web App → Settings → "issuer"',
      'signing-certificate': 'Applications → your app → Settings → Advanced Settings → Certificates',
      'signature-algorithm': 'Addons → SAML2 Web App → Settings → "signatureAlgorithm" / "digestAlgorithm"',
      'signed-parts': 'Addons → SAML2 Web App → Settings → "signResponse"',
      'nameid-format': 'Addons → SAML2 Web App → Settings → "nameIdentifierFormat"',
      'nameid-value': 'Addons → SAML2 Web App → Settings → "nameIdentifierProbes"',
      attributes: 'Addons → SAML2 Web App → Settings → "mappings"',
      session: 'Settings → Advanced → Login Session Management',
      'redirect-uri': 'Applications → your app → Settings → Allowed Callback URLs',
      'client-id': 'Applications → your app → Settings → Client ID',
      'client-secret': 'Applications → your app → Settings → Client Secret',
      'token-signing':
        'Applications → your app → Settings → Advanced Settings → OAuth → JSON Web Token (JWT) Signature Algorithm',
      claims: 'Actions → Library → a post-login Action that sets custom claims',
    },
  },
  adfs: {
    console: 'AD FS Management',
    issuers: [/\/adfs\/services\/trust\/?$/i, /\/adfs\/?$/i],
    settings: {
      audience: 'Relying Party Trusts → your SP → Properties → Identifiers → Relying party identifier',
      acs: 'Relying Party Trusts → your SP → Properties → Endpoints → SAML Assertion Consumer Endpoints',
      issuer: 'Service → Edit Federation Service Properties → Federation Service identifier',
      'signing-certificate': 'Service → Certificates → Token-signing',
      'signature-algorithm': 'Relying Party Trusts → your SP → Properties → Advanced → Secure hash algorithm',
      'signed-parts': 'PowerShell: Set-AdfsRelyingPartyTrust -SamlResponseSignature MessageAndAssertion',
      'nameid-format':
        'Relying Party Trusts → your SP → Edit Claim Issuance Policy → the rule that issues Name ID → Outgoing name ID format',
      'nameid-value': 'Edit Claim Issuance Policy → the Name ID rule → Incoming claim type',
      attributes: 'Relying Party Trusts → your SP → Edit Claim Issuance Policy',
      assignment: 'Relying Party Trusts → your SP → Edit Access Control Policy',
      session: 'PowerShell: Set-AdfsRelyingPartyTrust -TokenLifetime',
      'redirect-uri': 'Application Groups → your app → Server application → Redirect URI',
      'client-id': 'Application Groups → your app → Server application → Client Identifier',
      'client-secret':
        'Application Groups → your app → Server application → Configure Application Credentials',
      claims: 'Application Groups → your app → Web API → Issuance Transform Rules',
    },
  },
  generic: {
    console: 'the IdP admin console',
    issuers: [],
    settings: {},
  },
};

/** The persona whose issuer shapes match, or one of the harness's own providers by exact issuer. */
export function personaOfIssuer(
  issuer: string | undefined,
  known: ReadonlyArray<{ entityId: string; persona: PersonaName }> = [],
): PersonaName | undefined {
  if (!issuer) return undefined;
  const exact = known.find(
    (k) => k.entityId === issuer || k.entityId.replace(/\/$/, '') === issuer.replace(/\/$/, ''),
  );
  if (exact) return exact.persona;
  for (const [name, row] of Object.entries(consoleSettings) as Array<[PersonaName, ConsoleRow]>) {
    if (row.issuers.some((pattern) => pattern.test(issuer))) return name;
  }
  return undefined;
}

/** "Okta Admin Console: SAML Settings → Audience URI (SP Entity ID)", or undefined when the persona has no such row. */
export function consoleSetting(persona: PersonaName | undefined, topic: ConsoleTopic): string | undefined {
  if (!persona) return undefined;
  const row = consoleSettings[persona];
  const setting = row.settings[topic];
  return setting ? `${row.console}: ${setting}` : undefined;
}
