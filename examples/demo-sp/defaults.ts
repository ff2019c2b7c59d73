import type { ConfigInput, PersonaName } from '../../config/schema.ts';
import type { ConnectionConfig, DemoSpConfig, UserConfig } from './config.ts';
import { defaultClockSkewSeconds, nameIdFormats } from './config.ts';
import { harnessSubject } from './provisioning.ts';
import { demoEncryptionKey } from './saml/encryption-key.ts';

/**
 * The demo SP's default setup and the harness side that fits it, from one table, so
 * that the two cannot drift apart. Each connection names the harness provider it trusts.
 */
interface DemoConnection {
  provider: string;
  persona: PersonaName;
  connection: ConnectionConfig;
  /** Harness user that scenarios log in as through this connection. */
  user: string;
  tags: string[];
  /** OIDC client id and secret registered at the harness. */
  client?: { id: string; secret: string };
  /** The account the SP shows for a user of this connection, when not the user's own email. */
  accountEmail?: string;
  /** A group the SP maps to a role, and what the probe shows then (SCIM group scenarios). */
  roleGroup?: { displayName: string; probeContains: string };
}

/**
 * Other names for the harness side of the demo (providers, users, connections, the SP
 * entry and the target), for tests that prove nothing depends on the demo's own names.
 * The demo SP is given the same names (its IdP URLs and stored subjects follow them).
 */
export interface DemoNames {
  provider?: (id: string) => string;
  user?: (id: string) => string;
  connection?: (name: string) => string;
  /** OIDC client ids (the demo SP's connections use the same). */
  client?: (id: string) => string;
  /** The key of the demo SP in each SAML provider's `sps` (default `demo-sp`). */
  sp?: string;
  /** The target's id (default `demo-sp`). */
  target?: string;
}

const same = (id: string) => id;

export const demoTenants = {
  staff: '11111111-1111-4111-8111-111111111111',
  contractors: '22222222-2222-4222-8222-222222222222',
  /** The home tenant of the multi-tenant connection's user (another company's directory). */
  partner: '33333333-3333-4333-8333-333333333333',
} as const;

/** Bearer tokens of the demo SP's SCIM service, per connection (`/scim/<connection>/v2`). */
export const demoScimTokens = {
  saml: 'demo-scim-token-acme-saml',
  okta: 'demo-scim-token-partner-okta',
  'entra-staff': 'demo-scim-token-entra-staff',
} as const;

export const demoPasswords = {
  breakGlass: 'break-glass-only-in-emergencies',
  pat: 'pat-password-1',
} as const;

/** The harness's test users; the SP knows most of them (not nina and mallory: they test JIT). */
const harnessUsers: Record<
  string,
  {
    email: string;
    nameId?: string;
    externalId?: string;
    givenName?: string;
    familyName?: string;
    groups?: string[];
  }
> = {
  alice: {
    email: 'alice@example.com',
    givenName: 'Alice',
    familyName: 'Admin',
    externalId: 'A-1001',
    groups: ['admins'],
  },
  bob: { email: 'bob@example.com', givenName: 'Bob', familyName: 'Builder', groups: ['engineering'] },
  dave: {
    email: 'dave@example.com',
    nameId: 'E-2001',
    externalId: 'E-2001',
    givenName: 'Dave',
    groups: ['Domain Admins'],
  },
  erin: { email: 'erin@example.com', givenName: 'Erin', groups: ['admins'] },
  frank: { email: 'frank@contractors.example', givenName: 'Frank', groups: [] },
  grace: { email: 'grace@example.org', givenName: 'Grace' },
  heidi: { email: 'heidi@example.net', givenName: 'Heidi', externalId: 'H-77', groups: ['editors'] },
  olivia: { email: 'olivia@partner.example', givenName: 'Olivia', groups: ['admins'] },
  nina: { email: 'nina@partner.example', givenName: 'Nina', groups: ['editors'] },
  ivan: { email: 'ivan@example.com', givenName: 'Ivan' },
  mallory: { email: 'mallory@example.com', givenName: 'Mallory' },
  root: { email: 'root@example.com', givenName: 'Root' },
  judy: { email: 'judy@fabrikam.example', givenName: 'Judy', groups: [] },
  carol: { email: 'carol@example.com', givenName: 'Carol', familyName: 'Cipher', groups: ['engineering'] },
};

function demoConnections(harnessUrl: string, names: DemoNames = {}): Record<string, DemoConnection> {
  const connections = demoConnectionTable(harnessUrl, names.provider ?? same);
  const user = names.user ?? same;
  const client = names.client ?? same;
  for (const c of Object.values(connections)) {
    c.user = user(c.user);
    if (c.client) c.client = { ...c.client, id: client(c.client.id) };
    if (c.connection.protocol === 'oidc')
      c.connection = { ...c.connection, clientId: client(c.connection.clientId) };
  }
  return connections;
}

function demoConnectionTable(
  harnessUrl: string,
  rename: (id: string) => string,
): Record<string, DemoConnection> {
  const h = harnessUrl.replace(/\/$/, '');
  const metadata = (provider: string) => `${h}/saml/${provider}/metadata`;
  return {
    saml: {
      provider: rename('demo-saml'),
      persona: 'generic',
      user: 'alice',
      tags: ['invite-only', 'group-roles'],
      roleGroup: { displayName: 'admins', probeContains: '"roles":["admin"]' },
      connection: {
        protocol: 'saml',
        displayName: 'Acme SSO (SAML)',
        metadataUrl: metadata(rename('demo-saml')),
        emailDomains: ['example.com'],
        groupRoles: { admins: 'admin' },
        defaultRole: 'member',
        scim: { token: demoScimTokens.saml },
      },
    },
    okta: {
      provider: rename('demo-okta-saml'),
      persona: 'okta',
      user: 'olivia',
      tags: ['jit', 'group-roles', 'idp-initiated'],
      roleGroup: { displayName: 'editors', probeContains: '"roles":["editor"]' },
      connection: {
        protocol: 'saml',
        displayName: 'Partner Okta (SAML)',
        metadataUrl: metadata(rename('demo-okta-saml')),
        emailDomains: ['partner.example'],
        jit: true,
        defaultRole: 'viewer',
        groupRoles: { admins: 'admin', editors: 'editor' },
        allowIdpInitiated: true,
        scim: { token: demoScimTokens.okta },
      },
    },
    adfs: {
      provider: rename('demo-adfs'),
      persona: 'adfs',
      user: 'dave',
      tags: ['external-id'],
      connection: {
        protocol: 'saml',
        displayName: 'Corporate ADFS',
        metadataUrl: metadata(rename('demo-adfs')),
        nameIdFormats: [nameIdFormats.unspecified, nameIdFormats.persistent],
        // Mapped to the names ADFS sends (idp/personas/adfs.ts), as an admin would.
        attributes: {
          email: ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'],
          groups: ['http://schemas.microsoft.com/ws/2008/06/identity/claims/role'],
        },
        emailDomains: ['example.com'],
        groupRoles: { 'Domain Admins': 'admin' },
        defaultRole: 'member',
      },
    },
    'entra-staff': {
      provider: rename('demo-entra-staff'),
      persona: 'entra',
      user: 'erin',
      // jwe: its client publishes an encryption key (jwksUri), as Entra's token encryption needs.
      tags: ['tenant', 'group-roles', 'jwe'],
      client: { id: 'demo-sp-staff', secret: 'staff-client-secret' },
      roleGroup: { displayName: 'admins', probeContains: '"roles":["admin"]' },
      connection: {
        protocol: 'oidc',
        displayName: 'Entra ID (staff)',
        issuer: `${h}/oidc/${rename('demo-entra-staff')}/${demoTenants.staff}/v2.0`,
        clientId: 'demo-sp-staff',
        clientSecret: 'staff-client-secret',
        scopes: ['openid', 'email', 'profile'],
        tenantId: demoTenants.staff,
        emailTrust: 'never',
        matchBy: 'oid',
        emailDomains: ['example.com'],
        groupRoles: { admins: 'admin' },
        defaultRole: 'member',
        scim: { token: demoScimTokens['entra-staff'] },
      },
    },
    'entra-contractors': {
      provider: rename('demo-entra-contractors'),
      persona: 'entra',
      user: 'frank',
      tags: ['tenant', 'jit', 'form-post'],
      client: { id: 'demo-sp-contractors', secret: 'contractors-client-secret' },
      connection: {
        protocol: 'oidc',
        displayName: 'Entra ID (contractors)',
        issuer: `${h}/oidc/${rename('demo-entra-contractors')}/${demoTenants.contractors}/v2.0`,
        clientId: 'demo-sp-contractors',
        clientSecret: 'contractors-client-secret',
        tenantId: demoTenants.contractors,
        responseMode: 'form_post',
        emailTrust: 'never',
        matchBy: 'oid',
        emailDomains: ['contractors.example'],
        jit: true,
        defaultRole: 'contractor',
      },
    },
    google: {
      provider: rename('demo-google'),
      persona: 'google',
      user: 'grace',
      tags: ['hosted-domain', 'email-verified'],
      client: { id: 'demo-sp-google', secret: 'google-client-secret' },
      connection: {
        protocol: 'oidc',
        displayName: 'Google Workspace',
        issuer: `${h}/oidc/${rename('demo-google')}`,
        clientId: 'demo-sp-google',
        clientSecret: 'google-client-secret',
        hostedDomain: 'example.org',
        emailDomains: ['example.org'],
        defaultRole: 'member',
      },
    },
    auth0: {
      provider: rename('demo-auth0'),
      persona: 'auth0',
      user: 'heidi',
      tags: ['userinfo', 'group-roles', 'email-verified', 'refresh'],
      client: { id: 'demo-sp-auth0', secret: 'auth0-client-secret' },
      connection: {
        protocol: 'oidc',
        displayName: 'Auth0',
        issuer: `${h}/oidc/${rename('demo-auth0')}/`,
        clientId: 'demo-sp-auth0',
        clientSecret: 'auth0-client-secret',
        userinfo: true,
        // A refresh token, refreshed when the access token expires (the refresh scenarios).
        scopes: ['openid', 'email', 'profile', 'offline_access'],
        claims: { groups: 'https://sso-harness.test/groups' },
        emailDomains: ['example.net'],
        groupRoles: { editors: 'editor' },
        defaultRole: 'member',
      },
    },
    legacy: {
      provider: rename('demo-legacy-saml'),
      persona: 'generic',
      user: 'ivan',
      tags: ['disabled'],
      connection: {
        protocol: 'saml',
        displayName: 'Legacy SSO (disabled)',
        metadataUrl: metadata(rename('demo-legacy-saml')),
        disabled: true,
      },
    },
    'entra-multi': {
      provider: rename('demo-entra-multi'),
      persona: 'entra',
      user: 'judy',
      tags: ['multi-tenant'],
      client: { id: 'demo-sp-multi', secret: 'multi-client-secret' },
      connection: {
        protocol: 'oidc',
        displayName: 'Entra ID (any customer tenant)',
        // A multi-tenant app: discovery at /organizations, whose issuer names {tenantid}.
        issuer: `${h}/oidc/${rename('demo-entra-multi')}/{tenantid}/v2.0`,
        discoveryUrl: `${h}/oidc/${rename('demo-entra-multi')}/organizations/v2.0/.well-known/openid-configuration`,
        clientId: 'demo-sp-multi',
        clientSecret: 'multi-client-secret',
        tenantId: demoTenants.partner,
        tenantIds: [demoTenants.partner, demoTenants.staff],
        emailTrust: 'never',
        matchBy: 'oid',
        emailDomains: ['fabrikam.example'],
        defaultRole: 'member',
      },
    },
    encrypted: {
      provider: rename('demo-encrypted-saml'),
      persona: 'generic',
      user: 'carol',
      tags: ['encrypted'],
      connection: {
        protocol: 'saml',
        displayName: 'Acme Finance SSO (encrypted assertions)',
        metadataUrl: metadata(rename('demo-encrypted-saml')),
        encryptedAssertions: true,
        emailDomains: ['example.com'],
        defaultRole: 'member',
      },
    },
    sandbox: {
      provider: rename('demo-sandbox-saml'),
      persona: 'generic',
      user: 'alice',
      tags: ['sandbox'],
      accountEmail: '{{user.localPart}}+sandbox@{{user.domain}}',
      connection: {
        protocol: 'saml',
        displayName: 'Acme SSO (sandbox org)',
        metadataUrl: metadata(rename('demo-sandbox-saml')),
        org: 'sandbox',
        emailPlusTag: 'sandbox',
        matchBy: 'email',
        emailDomains: ['example.com'],
        defaultRole: 'member',
      },
    },
  };
}

/** The demo SP's users: bound to one connection each, or to a password. */
function demoUsers(connections: Record<string, DemoConnection>, names: DemoNames): UserConfig[] {
  const subjectAt = (connection: string, user: string) => {
    const c = connections[connection]!;
    return {
      [connection]: harnessSubject(
        c.provider,
        c.persona,
        (names.user ?? same)(user),
        harnessUsers[user]!,
        c.connection,
      ),
    };
  };
  return [
    {
      email: 'alice@example.com',
      roles: ['admin'],
      externalId: 'A-1001',
      auth: { connection: 'saml' },
      subjects: { saml: 'alice@example.com' },
    },
    {
      email: 'bob@example.com',
      roles: ['member'],
      auth: { connection: 'saml' },
      subjects: { saml: 'bob@example.com' },
    },
    { email: 'alice+sandbox@example.com', org: 'sandbox', roles: ['admin'], auth: { connection: 'sandbox' } },
    {
      email: 'dave@example.com',
      roles: ['member'],
      externalId: 'E-2001',
      auth: { connection: 'adfs' },
      subjects: { adfs: 'E-2001' },
    },
    {
      email: 'erin@example.com',
      roles: ['member'],
      auth: { connection: 'entra-staff' },
      subjects: subjectAt('entra-staff', 'erin'),
    },
    {
      email: 'frank@contractors.example',
      roles: ['contractor'],
      auth: { connection: 'entra-contractors' },
      subjects: subjectAt('entra-contractors', 'frank'),
    },
    {
      email: 'grace@example.org',
      roles: ['member'],
      auth: { connection: 'google' },
      subjects: subjectAt('google', 'grace'),
    },
    {
      email: 'heidi@example.net',
      roles: ['member'],
      externalId: 'H-77',
      auth: { connection: 'auth0' },
      subjects: subjectAt('auth0', 'heidi'),
    },
    {
      email: 'olivia@partner.example',
      roles: ['viewer'],
      auth: { connection: 'okta' },
      subjects: { okta: 'olivia@partner.example' },
    },
    { email: 'ivan@example.com', roles: ['member'], auth: { connection: 'legacy' } },
    {
      email: 'judy@fabrikam.example',
      roles: ['member'],
      auth: { connection: 'entra-multi' },
      subjects: subjectAt('entra-multi', 'judy'),
    },
    {
      email: 'carol@example.com',
      roles: ['member'],
      auth: { connection: 'encrypted' },
      subjects: { encrypted: 'carol@example.com' },
    },
    { email: 'pat@example.com', roles: ['member'], auth: { password: demoPasswords.pat } },
    {
      email: 'root@example.com',
      roles: ['owner'],
      breakGlass: true,
      auth: { password: demoPasswords.breakGlass },
    },
  ];
}

/**
 * The demo SP's default configuration against a harness at `harnessUrl`. `spUrl` is
 * the SP's own base URL (its entity IDs and redirect URIs derive from it at run time).
 */
export function defaultDemoSpConfig(
  harnessUrl: string,
  _spUrl?: string,
  names: DemoNames = {},
): DemoSpConfig {
  const connections = demoConnections(harnessUrl, names);
  return {
    harnessUrl,
    orgs: { production: 'Acme (production)', sandbox: 'Acme (sandbox)' },
    connections: Object.fromEntries(Object.entries(connections).map(([name, c]) => [name, c.connection])),
    users: demoUsers(connections, names),
  };
}

/**
 * The harness side of the default demo SP: the providers (with the SP's ACS and
 * redirect URLs registered), the test users, and a `demo-sp` target whose connections
 * and probe point at the SP. Merge it into a harness config.
 *
 * @example
 * const sp = await createDemoSp({ harnessUrl });
 * const config = { ...demoHarnessProviders(sp.url), server: { port: 7000 } };
 */
export function demoHarnessProviders(spUrl: string, names: DemoNames = {}): ConfigInput {
  const s = spUrl.replace(/\/$/, '');
  const spName = names.sp ?? 'demo-sp';
  const connectionName = names.connection ?? same;
  // Only the shape of the connections matters here, not where the harness runs.
  const connections = demoConnections('http://harness.invalid', names);
  const providers: NonNullable<ConfigInput['providers']> = {};
  const targetConnections: Record<string, Record<string, unknown>> = {};
  for (const [name, c] of Object.entries(connections)) {
    const displayName = c.connection.displayName;
    // The IdP's provisioning tab: the SP's SCIM URL for this connection and its token.
    const scim = c.connection.scim
      ? { scim: { baseUrl: `${s}/scim/${name}/v2`, token: c.connection.scim.token } }
      : {};
    if (c.connection.protocol === 'saml') {
      const base = `${s}/saml/${name}`;
      providers[c.provider] = {
        protocol: 'saml',
        persona: c.persona,
        displayName,
        ...scim,
        // Short, so that the certificate-rollover wait step costs the suite about three seconds.
        metadataMaxAgeSeconds: 2,
        sps: {
          [spName]: {
            entityId: base,
            acsUrls: [`${base}/acs`],
            sloUrl: `${base}/slo`,
            ...(c.connection.encryptedAssertions
              ? { encryptAssertion: true, encryptionCertificate: demoEncryptionKey().certificate }
              : {}),
          },
        },
      };
    } else {
      providers[c.provider] = {
        protocol: 'oidc',
        persona: c.persona,
        displayName,
        ...scim,
        ...(c.connection.tenantId ? { tenantId: c.connection.tenantId } : {}),
        ...(c.connection.hostedDomain ? { hostedDomain: c.connection.hostedDomain } : {}),
        // Short, so that the key-rotation wait step costs the suite about three seconds.
        jwksMaxAgeSeconds: 2,
        clients: {
          [c.client!.id]: {
            clientSecret: c.client!.secret,
            redirectUris: [`${s}/oidc/${name}/callback`],
            postLogoutRedirectUris: [`${s}/logged-out`],
            backchannelLogoutUri: `${s}/oidc/${name}/backchannel-logout`,
            frontchannelLogoutUri: `${s}/oidc/${name}/frontchannel-logout`,
            scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
            // The SP's id_token encryption key (oidc.id-token.encrypt).
            jwksUri: `${s}/oidc/jwks`,
          },
        },
      };
    }
    targetConnections[connectionName(name)] = {
      provider: c.provider,
      ...(c.connection.protocol === 'saml' ? { sp: spName } : { client: c.client!.id }),
      loginUrl: `${s}/login/${name}`,
      logoutUrl: `${s}/logout`,
      user: c.user,
      tags: c.tags,
      ...(c.accountEmail ? { accountEmail: c.accountEmail } : {}),
      ...(c.roleGroup ? { scim: { roleGroup: c.roleGroup } } : {}),
    };
  }
  const users: NonNullable<ConfigInput['users']> = {};
  for (const [id, u] of Object.entries(harnessUsers)) {
    users[(names.user ?? same)(id)] = { ...u, groups: [...(u.groups ?? [])] };
  }
  return {
    providers,
    users,
    targets: {
      [names.target ?? 'demo-sp']: {
        displayName: 'Demo SP (strict)',
        connections: targetConnections as never,
        probe: { url: `${s}/me`, contains: '"email":"{{user.email}}"' },
        // The demo SP's own allowance, so the timing scenarios are judged against it.
        clockSkewSeconds: defaultClockSkewSeconds,
      },
    },
  };
}
