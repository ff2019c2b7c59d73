/**
 * How the demo SP is described: its connections (one per IdP it trusts), its users and
 * its organisations. Plain data, so `defaultDemoSpConfig` and tests can build it.
 */

export type OrgName = string;

export interface SamlConnectionConfig {
  protocol: 'saml';
  displayName: string;
  /** Where the IdP metadata is read (entityID, SSO/SLO URLs, signing certificates). */
  metadataUrl: string;
  /** This SP's entityID at that IdP; defaults to `<spUrl>/saml/<connection>`. */
  spEntityId?: string;
  /** Accepted NameID formats; default emailAddress, unspecified, persistent. */
  nameIdFormats?: string[];
  /** Requested AuthnContextClassRef; the response must be at least as strong. */
  authnContext?: string;
  /** Accept IdP-initiated (unsolicited) responses. */
  allowIdpInitiated?: boolean;
  /** Attribute names that carry each value, first match wins; defaults cover the usual IdPs. */
  attributes?: Partial<Record<'email' | 'groups' | 'externalId', string[]>>;
  /**
   * Require encrypted assertions: a plaintext Assertion is refused. The SP publishes its
   * encryption certificate in its metadata and decrypts with `demoEncryptionKey()`.
   */
  encryptedAssertions?: boolean;
}

export interface OidcConnectionConfig {
  protocol: 'oidc';
  displayName: string;
  /** Expected issuer; discovery is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** Where discovery is read when it is not under the issuer. */
  discoveryUrl?: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[];
  /** Read the userinfo endpoint too (its sub must equal the id_token's). */
  userinfo?: boolean;
  /** Entra: the tenant whose tokens this connection accepts (`tid`). */
  tenantId?: string;
  /**
   * Entra multi-tenant (an issuer with `{tenantid}` in it, discovery at /common or
   * /organizations): the tenants whose tokens this connection accepts; iss must be the
   * issuer with the token's own tid put in.
   */
  tenantIds?: string[];
  /** Google: the Workspace domain whose accounts this connection accepts (`hd`). */
  hostedDomain?: string;
  /** Claim names; defaults: email, groups. */
  claims?: Partial<Record<'email' | 'groups' | 'externalId', string>>;
  /**
   * Whether an email from this IdP can be trusted to link an existing account: `verified`
   * when email_verified is true (default), `never` for IdPs whose email is user-editable
   * (Entra), `always` for IdPs that only release verified mail.
   */
  emailTrust?: 'verified' | 'never' | 'always';
  /** How the IdP returns the authorization response: `query` (default) or `form_post` (a POST to the redirect URI). */
  responseMode?: 'query' | 'form_post';
}

/** What identifies a user at a connection, once linked. */
export type MatchKey = 'nameId' | 'sub' | 'oid' | 'externalId' | 'email';

export type ConnectionConfig = (SamlConnectionConfig | OidcConnectionConfig) & {
  /** The organisation whose users this connection logs in. */
  org?: OrgName;
  disabled?: boolean;
  /** Key that finds the user (default: nameId for SAML, sub for OIDC). */
  matchBy?: MatchKey;
  /** Allowed email domains; absent: any. */
  emailDomains?: string[];
  /** Just-in-time provisioning of unknown users (default off: invite-only). */
  jit?: boolean;
  /** Role of a new or unmapped user. */
  defaultRole?: string;
  /** IdP group -> SP role. When set, roles follow the groups on every login. */
  groupRoles?: Record<string, string>;
  /** Rewrites the asserted email before matching: `plus-tag` maps a@b to a+<tag>@b. */
  emailPlusTag?: string;
  /**
   * SCIM 2.0 provisioning of this connection's users at `<spUrl>/scim/<connection>/v2`,
   * authenticated by this bearer token (examples/demo-sp/scim/).
   */
  scim?: { token: string };
};

export interface UserConfig {
  email: string;
  org?: OrgName;
  roles?: string[];
  externalId?: string;
  displayName?: string;
  /** The connection this user must log in through, or `password`. */
  auth: { connection: string } | { password: string };
  /** Password-only administrator that can never use SSO. */
  breakGlass?: boolean;
  disabled?: boolean;
  /** Subjects already known for this user per connection (SCIM-style provisioning). */
  subjects?: Record<string, string>;
}

export interface DemoSpConfig {
  /** The harness base URL (http://127.0.0.1:7000); used by defaults only. */
  harnessUrl?: string;
  /** Organisations: display names by id; the first is the default. */
  orgs?: Record<OrgName, string>;
  connections: Record<string, ConnectionConfig>;
  users: UserConfig[];
  /** Seconds of clock skew allowed on every time check (default 60). */
  clockSkewSeconds?: number;
  /** Oldest accepted IssueInstant / iat, in seconds (default 600). */
  maxAgeSeconds?: number;
  /** How long fetched metadata, discovery and JWKS are kept before a login refetches them (default 0). */
  metadataMaxAgeSeconds?: number;
}

export const defaultClockSkewSeconds = 60;
/** The `clock-skew` lax switch: a day, so that every timing scenario beyond the skew (up to 1 h) passes. */
export const laxClockSkewSeconds = 86_400;
export const defaultMaxAgeSeconds = 600;

export const nameIdFormats = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
} as const;
