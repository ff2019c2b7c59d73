import { z } from 'zod';
import { defaults } from './defaults.ts';

/** Names that become URL path segments and keys of records. */
const id = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, 'expected a name made of letters, digits, ".", "_" or "-"');

/** Absolute http(s) URLs only: a javascript: or data: URL would run script where it is followed. */
const url = z.url({
  protocol: /^https?$/,
  message: 'expected an absolute URL (http or https) such as https://app.example/saml/acs',
});
const pem = z
  .string()
  .includes('-----BEGIN', { message: 'expected a PEM certificate (-----BEGIN CERTIFICATE-----)' });
const isoDate = z.iso.datetime({
  offset: true,
  message: 'expected an ISO 8601 date such as 2026-12-31T00:00:00Z',
});

export const personaNames = ['generic', 'entra', 'google', 'okta', 'onelogin', 'auth0', 'adfs'] as const;
const persona = z.enum(personaNames);

/**
 * A record keyed by names from outside, as an object without a prototype: a lookup of
 * `constructor`, `toString` or `__proto__` finds nothing instead of Object's own members.
 */
function record<V extends z.ZodType>(key: z.ZodType<string>, value: V) {
  return z
    .record(key, value)
    .transform((r) => Object.assign(Object.create(null) as Record<string, z.output<V>>, r));
}

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
  attributes: record(z.string(), attributeValue).prefault({}),
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
    /** RelayState sent with IdP-initiated responses (not a javascript:/data: URL). */
    defaultRelayState: z
      .string()
      .refine(
        (v) => !/^\s*(javascript|data|vbscript|blob|file)\s*:/i.test(v),
        'expected no script or data URL',
      )
      .optional(),
  })
  .refine((sp) => sp.entityId || sp.metadataUrl || sp.metadataFile, {
    message: 'expected entityId, metadataUrl or metadataFile',
  });

export const scimDialectNames = ['rfc', 'entra', 'okta', 'onelogin'] as const;

/**
 * How the IdP provisions an SP over SCIM 2.0 (RFC 7644): what you paste into the IdP's
 * provisioning tab (the SP's SCIM base URL and its secret), and which IdP's way of
 * sending requests to copy. A target's connection may name its own endpoint instead
 * (`connections.<name>.scim`), which wins.
 */
export const scimClientSchema = z
  .strictObject({
    /** The SP's SCIM base URL, e.g. https://app.example/scim/v2 (no trailing /Users). */
    baseUrl: url.optional(),
    /** Bearer token the SP issued for provisioning. Masked in every trace, report and export. */
    token: z.string().min(1).optional(),
    /** HTTP Basic credentials instead of a bearer token (OneLogin and some SPs). */
    basic: z.strictObject({ username: z.string().min(1), password: z.string().min(1) }).optional(),
    /** Whose requests to imitate; default: the provider's persona when it has one (entra, okta, onelogin), else rfc. */
    dialect: z.enum(scimDialectNames).optional(),
    /** Milliseconds one SCIM request may take before it is abandoned. */
    timeoutMs: z.number().int().positive().default(defaults.scim.timeoutMs),
    /** Largest SCIM answer read, in bytes; more is an error, not a truncation. */
    maxResponseBytes: z.number().int().positive().default(defaults.scim.maxResponseBytes),
    /** Attempts after a 429 or 5xx answer (0: none). */
    retries: z.number().int().min(0).max(10).default(defaults.scim.retries),
  })
  .refine((s) => !(s.token && s.basic), { message: 'expected token or basic, not both' });

const providerCommon = {
  /** Name shown on the login page and in the UI. */
  displayName: z.string().optional(),
  persona: persona.default('generic'),
  /** A disabled provider answers every request with an error page. */
  disabled: z.boolean().default(false),
  /** Whether the login page accepts an email that is not in the user directory. */
  allowUnknownUsers: z.boolean().default(false),
  /** SCIM 2.0 provisioning from this provider to its SP (idp/scim/). */
  scim: scimClientSchema.optional(),
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
  /** `Cache-Control: max-age` of the metadata, in seconds (what a wait step in a certificate rollover honours). */
  metadataMaxAgeSeconds: z.number().int().min(0).max(86_400).default(defaults.saml.metadataMaxAgeSeconds),
  /** Default NameID format; otherwise the persona's. */
  nameIdFormat: z.string().optional(),
  assertionLifetimeSeconds: z.number().int().positive().default(defaults.saml.assertionLifetimeSeconds),
  sessionLifetimeSeconds: z.number().int().positive().default(defaults.saml.sessionLifetimeSeconds),
  /** Service providers this IdP knows, by a name of your choice. */
  sps: record(id, samlSpSchema).prefault({}),
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
  /** Where the client's public keys are: private_key_jwt, and its RSA `enc` key for id_tokens as a JWE (oidc.id-token.encrypt). */
  jwksUri: url.optional(),
  responseTypes: z.array(z.string()).default(['code']),
  grantTypes: z.array(z.string()).optional(),
  backchannelLogoutUri: url.optional(),
  /**
   * The RP's front-channel logout endpoint (OIDC Front-Channel Logout 1.0 §2); the harness
   * sends the browser there with `iss` and `sid` in a front-channel logout step.
   */
  frontchannelLogoutUri: url.optional(),
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
  /** `Cache-Control: max-age` of the JWKS, in seconds (what a wait step after a key rotation honours). */
  jwksMaxAgeSeconds: z.number().int().min(0).max(86_400).default(defaults.oidc.jwksMaxAgeSeconds),
  clients: record(z.string().min(1), oidcClientSchema).prefault({}),
});

export const providerSchema = z.discriminatedUnion('protocol', [samlProviderSchema, oidcProviderSchema], {
  error: 'expected protocol "saml" or "oidc"',
});

/**
 * How to tell, on the SP, who is logged in. See `runner/outcome.ts` and the README's
 * outcome table: a session needs the SP's origin, a 2xx (or `status`), `finalUrl` and
 * `selector` when set, and the user's identity shown exactly (case-sensitive, on token
 * boundaries).
 */
export const probeSchema = z
  .strictObject({
    /** Page that shows who is logged in. */
    url,
    /** Expected HTTP status of the probe when logged in (default: any 2xx). */
    status: z.number().int().optional(),
    /**
     * The identity the page shows for a logged-in user, as a template with placeholders
     * ({{user.email}}, {{user.nameId}}, {{user.externalId}}, {{user.id}}, {{user.displayName}}).
     * Searched exactly, case-sensitively, on token boundaries. Default `{{user.email}}`.
     */
    contains: z.string().min(1).optional(),
    /**
     * Where the page shows the identity, when searching the whole page is not precise enough:
     * the value found is compared exactly with `contains` rendered for the user.
     */
    identity: z
      .union([
        /** A regular expression over the page's text; its first capture group is the identity. */
        z.strictObject({ regex: z.string().min(1) }),
        /** A JSON pointer (RFC 6901) into a JSON answer, e.g. "/user/email". */
        z.strictObject({
          jsonPointer: z.string().regex(/^(\/.*)?$/, 'expected a JSON pointer such as /user/email'),
        }),
        /** A CSS selector whose element's text is the identity. */
        z.strictObject({ selector: z.string().min(1) }),
      ])
      .optional(),
    /** Regular expression the final URL matches when logged in. */
    finalUrl: z.string().optional(),
    /** CSS selector present when logged in. */
    selector: z.string().optional(),
  })
  .refine(
    (p) =>
      !p.identity ||
      'jsonPointer' in p.identity ||
      !('regex' in p.identity) ||
      /\((?!\?)/.test(p.identity.regex),
    {
      message: 'expected identity.regex to have a capture group, e.g. "Signed in as (\\S+)"',
      path: ['identity', 'regex'],
    },
  );

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
  /** The connection's subject: the directory user that scenarios log in as through it (default: the first user the provider may log in). */
  user: id.optional(),
  /**
   * The account the SP shows for a user of this connection, when it is not the user's own
   * email (a sandbox organisation that maps alice@ to alice+sandbox@): a template such as
   * "{{user.localPart}}+sandbox@{{user.domain}}". Used wherever the probe renders {{user.email}}.
   */
  accountEmail: z.string().includes('@').optional(),
  /** What this connection is like, for scenarios that need it (e.g. "jit", "sandbox", "idp-initiated"). */
  tags: z.array(z.string()).default([]),
  /**
   * The SP's SCIM endpoint for this connection, when it is not (or not only) the
   * provider's `scim.baseUrl`: one provider may provision several SPs. Wins over the
   * provider's baseUrl and credentials; the dialect stays the provider's.
   */
  scim: z
    .strictObject({
      baseUrl: url.optional(),
      token: z.string().min(1).optional(),
      basic: z.strictObject({ username: z.string().min(1), password: z.string().min(1) }).optional(),
      /**
       * A group the SP maps to a role, and a text its probe shows while the user holds that
       * role: the group-to-role scenarios push this group and read the probe for the text.
       */
      roleGroup: z
        .strictObject({ displayName: z.string().min(1), probeContains: z.string().min(1) })
        .optional(),
    })
    .optional(),
});

export const targetSchema = z.strictObject({
  displayName: z.string().optional(),
  connections: record(id, connectionSchema).refine((c) => Object.keys(c).length > 0, {
    message: 'expected at least one connection',
  }),
  probe: probeSchema,
  /**
   * Start the bundled demo SP (examples/demo-sp) for this target before running, with
   * these lax switches. Its connections must point where it listens.
   */
  demoSp: z.strictObject({ lax: z.array(z.string()).default([]) }).optional(),
  /**
   * Seconds of clock skew this SP declares it allows on its time checks (SAML NotBefore,
   * NotOnOrAfter, SessionNotOnOrAfter, IssueInstant; OIDC exp, iat, nbf, auth_time). The
   * timing scenarios are judged against it: a time off by less than this is accepted by a
   * correct SP, off by more refused, off by exactly this much not judged (skipped).
   */
  clockSkewSeconds: z
    .number({ error: 'expected a number of seconds, such as 180' })
    .int('expected a whole number of seconds, such as 180')
    .min(0, 'expected 0 or more seconds')
    .max(86_400, 'expected at most 86400 seconds (a day)')
    .default(defaults.target.clockSkewSeconds),
  /** Per-scenario expectation overrides: the SP's documented policy. */
  expectations: record(z.string(), z.unknown()).prefault({}),
  /**
   * Directory users that play the catalog's roles on this target. `victim`: another account
   * the SP knows, which signature-wrapping and takeover scenarios try to become (default: the
   * first other user that may log in through the connection's provider). The subject is each
   * connection's `user`; a stranger (known to the IdP only) is made up by the harness.
   */
  roles: z.strictObject({ victim: id.optional() }).prefault({}),
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
      /** Host names the server answers besides loopback, `host` and publicUrl's (DNS rebinding guard). */
      allowedHosts: z.array(z.string().min(1)).optional(),
      /** Token the API and UI require (`--api-token`, env SSO_HARNESS_API_TOKEN); needed beyond loopback. */
      apiToken: z.string().min(16, 'expected an API token of at least 16 characters').optional(),
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
  trace: z
    .strictObject({
      limit: z.number().int().positive().default(defaults.trace.limit),
      maxBytes: z.number().int().positive().default(defaults.trace.maxBytes),
      maxEntryBytes: z.number().int().positive().default(defaults.trace.maxEntryBytes),
    })
    .prefault({}),
  history: z
    .strictObject({
      keepRuns: z.number().int().positive().default(defaults.history.keepRuns),
      keepMegabytes: z.number().positive().default(defaults.history.keepMegabytes),
    })
    .prefault({}),
  limits: z
    .strictObject({
      maxMessageBytes: z.number().int().positive().default(defaults.limits.maxMessageBytes),
      maxInflatedBytes: z.number().int().positive().default(defaults.limits.maxInflatedBytes),
    })
    .prefault({}),
  providers: record(id, providerSchema).prefault({}),
  users: record(id, userSchema).prefault({}),
  targets: record(id, targetSchema).prefault({}),
  /** Your own scenarios (validated by the scenario schema when loaded). */
  scenarios: z.array(z.unknown()).default([]),
  /** Named suites: a list of scenario ids or a tag filter. */
  suites: record(
    id,
    z.union([
      z.array(z.string()),
      z.strictObject({ tags: z.array(z.string()).optional(), grep: z.string().optional() }),
    ]),
  ).prefault({}),
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
export type ScimClientConfig = z.output<typeof scimClientSchema>;
export type ScimDialectName = (typeof scimDialectNames)[number];
