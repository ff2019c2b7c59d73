import { samlNameIdFormats } from '../../config/schema.ts';
import { stableToken, stableUuid } from '../directory/stable-id.ts';
import { claimUris, list, randomGuid } from './shared.ts';
import type { Persona, PersonaContext } from './types.ts';

const DEFAULT_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
const tenant = (c: PersonaContext) => c.tenantId ?? DEFAULT_TENANT;
const oid = (userId: string, c: PersonaContext) => stableUuid(c.providerId, userId, 'oid');

/** Microsoft Entra ID (Azure AD), v2.0 endpoints. */
export const entra: Persona = {
  name: 'entra',
  title: 'Microsoft Entra ID',
  description:
    'Tenant-scoped issuer (/<tenant>/v2.0), oid/tid/preferred_username, groups with the overage form above the threshold; SAML claim URIs.',
  saml: {
    nameIdFormat: samlNameIdFormats.emailAddress,
    // "NotBefore is equal to or slightly later than IssueInstant ... does not add any buffer"
    // (Microsoft Learn: Single sign-on SAML protocol, Conditions).
    notBeforeSkewSeconds: 0,
    nameId: (u) => u.nameId,
    attributeNameFormat: undefined,
    attributes: [
      { name: claimUris.tenantId, value: (_u, c) => tenant(c) },
      { name: claimUris.objectId, value: (u, c) => oid(u.id, c) },
      { name: claimUris.displayName, value: (u) => u.displayName },
      { name: claimUris.givenName, value: (u) => u.givenName },
      { name: claimUris.surname, value: (u) => u.familyName },
      { name: claimUris.email, value: (u) => u.email },
      { name: claimUris.name, value: (u) => u.email },
      {
        name: claimUris.groups,
        value: (u, c) => (u.groups.length > c.groupsOverageThreshold ? undefined : list(u.groups)),
      },
      {
        name: claimUris.groupsLink,
        value: (u, c) =>
          u.groups.length > c.groupsOverageThreshold
            ? `https://graph.windows.net/${tenant(c)}/users/${oid(u.id, c)}/getMemberObjects`
            : undefined,
      },
      { name: claimUris.role, value: (u) => list(u.roles) },
    ],
  },
  oidc: {
    issuerPath: (c) => `/${tenant(c)}/v2.0`,
    // Microsoft identity platform, "OpenID Connect on the Microsoft identity platform" and
    // "Validate tokens" (learn.microsoft.com): /common/v2.0 and /organizations/v2.0 discovery
    // name the issuer https://login.microsoftonline.com/{tenantid}/v2.0 with the braces in
    // it; a multi-tenant app substitutes the token's tid and checks tid against the tenants
    // it serves. The library's own error for skipping that is IDX10205.
    multiTenantAliases: ['common', 'organizations'],
    subject: (u, c) => stableToken(c.providerId, u.id, 'sub', 43),
    claims: [
      { claim: 'ver', scope: 'openid', value: () => '2.0' },
      { claim: 'tid', scope: 'openid', value: (_u, c) => tenant(c) },
      { claim: 'oid', scope: 'profile', value: (u, c) => oid(u.id, c) },
      { claim: 'name', scope: 'profile', value: (u) => u.displayName },
      { claim: 'preferred_username', scope: 'profile', value: (u) => u.email },
      { claim: 'given_name', scope: 'profile', value: (u) => u.givenName },
      { claim: 'family_name', scope: 'profile', value: (u) => u.familyName },
      { claim: 'upn', scope: 'profile', value: (u) => u.email },
      { claim: 'email', scope: 'email', value: (u) => u.email },
      { claim: 'groups', scope: 'openid', value: (u) => list(u.groups) },
      { claim: 'roles', scope: 'openid', value: (u) => list(u.roles) },
    ],
    finish: (claims, user, c) => {
      if (user.groups.length <= c.groupsOverageThreshold) return;
      delete claims.groups;
      claims._claim_names = { groups: 'src1' };
      claims._claim_sources = {
        src1: { endpoint: `https://graph.microsoft.com/v1.0/users/${oid(user.id, c)}/getMemberObjects` },
      };
    },
    expiredSecretError: (clientId, now) => {
      const traceId = randomGuid();
      const correlationId = randomGuid();
      const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: `AADSTS7000222: The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds. Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
          error_codes: [7000222],
          timestamp,
          trace_id: traceId,
          correlation_id: correlationId,
          error_uri: 'https://login.microsoftonline.com/error?code=7000222',
        },
      };
    },
  },
};
