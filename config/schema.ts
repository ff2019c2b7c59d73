import { z } from 'zod';
import { defaults } from './defaults.ts';

/** Names that become URL path segments and keys of records. */
const id = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, 'expected a name made of letters, digits, ".", "_" or "-"');

const url = z.url({ message: 'expected an absolute URL such as https://app.example/saml/acs' });
const pem = z
  .string()
  .includes('-----BEGIN', { message: 'expected a PEM certificate (-----BEGIN CERTIFICATE-----)' });
const isoDate = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 date such as 2026-12-31T00:00:00Z',
});

export const personaNames = ['generic', 'entra', 'google', 'okta', 'onelogin', 'auth0', 'adfs'] as const;
const persona = z.enum(personaNames);

const attributeValue = z.union([z.string(), z.array(z.string())]);

export const userSchema = z.strictObject({
  email: z.string().min(3).includes('@', { message: 'expected an email address' }),
  /** SAML NameID; defaults to the email. */
  nameId: z.string().min(1).optional(),
  /** An identifier of the user that differs from the email (employee ID, Okta user ID, ...). */
  externalId: z.string().min(1).optional(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  displayName: z.string().optional(),
  groups: z.array(z.string()).default([]),
  roles: z.array(z.string()).default([]),
  /** Extra SAML attributes, also sent as OIDC claims (strings or lists of strings), as they are. */
  attributes: z.record(z.string(), attributeValue).default({}),
  /** OIDC: the `sub` this user gets at every OIDC provider, instead of the persona's. */
  sub: z.string().min(1).optional(),
  /**
   * OIDC: extra claims of any JSON value (objects, numbers, booleans), in the id_token and
   * userinfo; they win over `attributes` of the same name. Protocol claims (iss, aud, exp,
   * nonce, ...) cannot be set here; `sub` has its own field.
   */
  claims: z.record(z.string(), z.json()).default({}),
  /**
   * Log this user in without the login page when no flow names a user: when `login_hint`
   * names them, or as the default user of the providers they may use (see README,
   * "Scripted logins").
   */
  auto: z.boolean().default(false),
  /** Providers this user may log in through; absent means all. */
  providers: z.array(id).optional(),
  disabled: z.boolean().default(false),
  emailVerified: z.boolean().default(true),
});

export const samlNameIdFormats = {
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
} as const;

export const samlSpSchema = z
  .strictObject({
    /** The SP's entityID (the AuthnRequest Issuer and the Audience we assert). */
    entityId: z.string().min(1).optional(),
    /** Where the SP's metadata can be read (fills entityId, ACS URLs, certificates). */
    metadataUrl: url.optional(),
    metadataFile: z.string().optional(),
    /** Assertion Consumer Service URLs; the first is the default. */
    acsUrls: z.array(url).default([]),
    /** Single logout endpoint of the SP. */
    sloUrl: url.optional(),
    /** The SP's signing certificate, used to verify signed AuthnRequests. */
    certificate: pem.optional(),
    /** The SP's encryption certificate; when set (and encryptAssertion), assertions are encrypted. */
    encryptionCertificate: pem.optional(),
    signResponse: z.boolean().default(true),
    signAssertion: z.boolean().default(true),
    encryptAssertion: z.boolean().default(false),
    encryptionAlgorithm: z
      .enum(['aes256-gcm', 'aes128-gcm', 'aes256-cbc', 'aes128-cbc'])
      .default('aes256-gcm'),
    /** Refuse AuthnRequests that are not signed (needs `certificate`). */
    requireSignedRequests: z.boolean().default(false),
    nameIdFormat: z.string().optional(),
    /** RelayState sent with IdP-initiated responses. */
    defaultRelayState: z.string().optional(),
  })
  .refine((sp) => sp.entityId || sp.metadataUrl || sp.metadataFile, {
    message: 'expected entityId, metadataUrl or metadataFile',
  });

const providerCommon = {
  /** Name shown on the login page and in the UI. */
  displayName: z.string().optional(),
  persona: persona.default('generic'),
  /** A disabled provider answers every request with an error page. */
  disabled: z.boolean().default(false),
  /** Whether the login page accepts an email that is not in the user directory. */
  allowUnknownUsers: z.boolean().default(false),
  /**
   * Log the default user in without the login page when no flow, `user` parameter or
   * `login_hint` names one: `true` for the first user (config order, marked `auto` first)
   * who may log in here, or a user id (see README, "Scripted logins").
   */
  auto: z.union([z.boolean(), id]).default(false),
};

export const samlProviderSchema = z.strictObject({
  protocol: z.literal('saml'),
  ...providerCommon,
  /** Defaults to `<base URL>/saml/<provider id>`. */
  entityId: z.string().min(1).optional(),
  unknownSp: z.enum(['refuse', 'permissive']).default(defaults.saml.unknownSp),
  /** Metadata says WantAuthnRequestsSigned, and unsigned AuthnRequests are refused from every SP. */
  wantAuthnRequestsSigned: z.boolean().default(false),
  signatureAlgorithm: z
    .enum(['rsa-sha256', 'rsa-sha1', 'rsa-sha512'])
    .default(defaults.saml.signatureAlgorithm),
  digestAlgorithm: z.enum(['sha256', 'sha1', 'sha512']).default(defaults.saml.digestAlgorithm),
  /** Default NameID format; otherwise the persona's. */
  nameIdFormat: z.string().optional(),
  assertionLifetimeSeconds: z.number().int().positive().default(defaults.saml.assertionLifetimeSeconds),
  sessionLifetimeSeconds: z.number().int().positive().default(defaults.saml.sessionLifetimeSeconds),
  /** Service providers this IdP knows, by a name of your choice. */
  sps: z.record(id, samlSpSchema).default({}),
});

export const oidcClientSchema = z.strictObject({
  clientSecret: z.string().min(1).optional(),
  /** After this instant the token endpoint answers invalid_client, shaped like the persona's error. */
  secretExpiresAt: isoDate.optional(),
  redirectUris: z.array(url).min(1, 'expected at least one redirect URI'),
  postLogoutRedirectUris: z.array(url).default([]),
  scopes: z.array(z.string()).optional(),
  tokenEndpointAuthMethod: z
    .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'])
    .default('client_secret_basic'),
  /** Where the client's public keys are (private_key_jwt). */
  jwksUri: url.optional(),
  responseTypes: z.array(z.string()).default(['code']),
  grantTypes: z.array(z.string()).optional(),
  backchannelLogoutUri: url.optional(),
  idTokenSignedResponseAlg: z.string().default('RS256'),
});

export const oidcProviderSchema = z.strictObject({
  protocol: z.literal('oidc'),
  ...providerCommon,
  /** Entra persona: the directory (tenant) ID in the issuer path and the `tid` claim. */
  tenantId: z.string().optional(),
  /** Google persona: the Workspace domain sent as `hd`. */
  hostedDomain: z.string().optional(),
  /** Entra persona: above this many groups the token carries the overage form instead. */
  groupsOverageThreshold: z.number().int().positive().default(200),
  tokenLifetimeSeconds: z.number().int().positive().default(defaults.oidc.tokenLifetimeSeconds),
  clients: z.record(z.string().min(1), oidcClientSchema).default({}),
});

export const providerSchema = z.discriminatedUnion('protocol', [samlProviderSchema, oidcProviderSchema], {
  error: 'expected protocol "saml" or "oidc"',
});

export const probeSchema = z.strictObject({
  /** Page that shows who is logged in. */
  url,
  /** Expected HTTP status of the probe when logged in. */
  status: z.number().int().optional(),
  /** Text the page contains when logged in; placeholders such as {{user.email}}. */
  contains: z.string().optional(),
  /** Regular expression the final URL matches when logged in. */
  finalUrl: z.string().optional(),
  /** CSS selector present when logged in (browser driver only). */
  selector: z.string().optional(),
});

export const connectionSchema = z.strictObject({
  /** The harness provider this connection of the SP trusts. */
  provider: id,
  /** SAML: which of the provider's SPs this is (a key of `sps`). */
  sp: id.optional(),
  /** OIDC: the client ID the SP uses. */
  client: z.string().optional(),
  /** URL that starts SP-initiated login through this connection. */
  loginUrl: url,
  /** URL that logs out of the SP. */
  logoutUrl: url.optional(),
  /** Directory user that scenarios log in as through this connection, unless they name one. */
  user: id.optional(),
  /** What this connection is like, for scenarios that need it (e.g. "jit", "sandbox", "idp-initiated"). */
  tags: z.array(z.string()).default([]),
});

export const targetSchema = z.strictObject({
  displayName: z.string().optional(),
  connections: z.record(id, connectionSchema).refine((c) => Object.keys(c).length > 0, {
    message: 'expected at least one connection',
  }),
  probe: probeSchema,
  /**
   * Start the bundled demo SP (examples/demo-sp) for this target before running, with
   * these lax switches. Its connections must point where it listens.
   */
  demoSp: z.strictObject({ lax: z.array(z.string()).default([]) }).optional(),
  /** Per-scenario expectation overrides: the SP's documented policy. */
  expectations: z.record(z.string(), z.unknown()).default({}),
});

export const configSchema = z.strictObject({
  /** The JSON Schema a `.json` config names for editor completion (sso-harness.schema.json); ignored. */
  $schema: z.string().optional(),
  server: z
    .strictObject({
      host: z.string().default(defaults.server.host),
      port: z.number().int().min(0).max(65535).default(defaults.server.port),
      /** External base URL when behind a proxy; defaults to http://<host>:<port>. */
      publicUrl: url.optional(),
    })
    .prefault({}),
  stateDir: z.string().default(defaults.stateDir),
  keys: z
    .strictObject({
      /** Derive every key from this seed: identical keys and certificates on every machine. */
      seed: z.string().min(8, 'expected a seed of at least 8 characters').optional(),
      /** Folder for key files (may be committed); defaults to <stateDir>/keys. */
      dir: z.string().optional(),
      rsaBits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).default(defaults.keys.rsaBits),
      epoch: isoDate.default(defaults.keys.epoch),
    })
    .prefault({}),
  trace: z.strictObject({ limit: z.number().int().positive().default(defaults.trace.limit) }).prefault({}),
  limits: z
    .strictObject({
      maxMessageBytes: z.number().int().positive().default(defaults.limits.maxMessageBytes),
      maxInflatedBytes: z.number().int().positive().default(defaults.limits.maxInflatedBytes),
    })
    .prefault({}),
  providers: z.record(id, providerSchema).default({}),
  users: z.record(id, userSchema).default({}),
  targets: z.record(id, targetSchema).default({}),
  /** Your own scenarios (validated by the scenario schema when loaded). */
  scenarios: z.array(z.unknown()).default([]),
  /** Named suites: a list of scenario ids or a tag filter. */
  suites: z
    .record(
      id,
      z.union([
        z.array(z.string()),
        z.strictObject({ tags: z.array(z.string()).optional(), grep: z.string().optional() }),
      ]),
    )
    .default({}),
});

/** What you write in `sso-harness.config.ts` or `.json`. */
export type ConfigInput = z.input<typeof configSchema>;
/** The configuration after validation, with every default filled in. */
export type Config = z.output<typeof configSchema>;
export type ProviderConfig = z.output<typeof providerSchema>;
export type SamlProviderConfig = z.output<typeof samlProviderSchema>;
export type OidcProviderConfig = z.output<typeof oidcProviderSchema>;
export type SamlSpConfig = z.output<typeof samlSpSchema>;
export type OidcClientConfig = z.output<typeof oidcClientSchema>;
export type UserConfig = z.output<typeof userSchema>;
export type TargetConfig = z.output<typeof targetSchema>;
export type ConnectionConfig = z.output<typeof connectionSchema>;
export type ProbeConfig = z.output<typeof probeSchema>;
export type PersonaName = (typeof personaNames)[number];
