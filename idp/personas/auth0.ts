import { samlNameIdFormats } from '../../config/schema.ts';
import { stableBytes } from '../directory/stable-id.ts';
import { claimUris, list } from './shared.ts';
import { attributeNameFormats, type Persona } from './types.ts';

const userId = (providerId: string, id: string) =>
  `auth0|${stableBytes(providerId, id, 'sub').toString('hex').slice(0, 24)}`;

/** Auth0: `auth0|<id>` user IDs, namespaced custom claims, the SAML add-on's claim URIs. */
export const auth0: Persona = {
  name: 'auth0',
  title: 'Auth0',
  description: 'auth0|<id> subjects, custom claims under a namespace URL, the SAML add-on claim URIs.',
  saml: {
    nameIdFormat: samlNameIdFormats.unspecified,
    // auth0/node-saml (lib/saml20.js), the assertion writer of Auth0's samlp IdP, sets
    // NotBefore to the IssueInstant.
    notBeforeSkewSeconds: 0,
    nameId: (u, c) => userId(c.providerId, u.id),
    attributeNameFormat: attributeNameFormats.uri,
    attributes: [
      { name: claimUris.nameIdentifier, value: (u, c) => userId(c.providerId, u.id) },
      { name: claimUris.email, value: (u) => u.email },
      { name: claimUris.name, value: (u) => u.displayName },
      { name: claimUris.givenName, value: (u) => u.givenName },
      { name: claimUris.surname, value: (u) => u.familyName },
      { name: claimUris.upn, value: (u) => u.email },
      { name: 'http://schemas.auth0.com/email_verified', value: (u) => String(u.emailVerified) },
      { name: 'http://schemas.auth0.com/groups', value: (u) => list(u.groups) },
    ],
  },
  oidc: {
    issuerPath: () => '/',
    subject: (u, c) => userId(c.providerId, u.id),
    claims: [
      { claim: 'email', scope: 'email', value: (u) => u.email },
      { claim: 'email_verified', scope: 'email', value: (u) => u.emailVerified },
      { claim: 'name', scope: 'profile', value: (u) => u.displayName },
      { claim: 'nickname', scope: 'profile', value: (u) => u.email.split('@')[0] },
      { claim: 'given_name', scope: 'profile', value: (u) => u.givenName },
      { claim: 'family_name', scope: 'profile', value: (u) => u.familyName },
      { claim: 'https://sso-harness.test/groups', scope: 'openid', value: (u) => list(u.groups) },
      { claim: 'https://sso-harness.test/roles', scope: 'openid', value: (u) => list(u.roles) },
    ],
    expiredSecretError: () => ({
      status: 401,
      body: { error: 'access_denied', error_description: 'Unauthorized' },
    }),
  },
};
