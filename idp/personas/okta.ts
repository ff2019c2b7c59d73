import { samlNameIdFormats } from '../../config/schema.ts';
import { stableToken } from '../directory/stable-id.ts';
import { list } from './shared.ts';
import { attributeNameFormats, type Persona } from './types.ts';

/**
 * Okta: a SAML app's attribute statements are whatever the admin types (Okta developer docs,
 * "Create SAML app integrations": Attribute Statements, Name format Unspecified / URI
 * Reference / Basic, default Unspecified); firstName, lastName, email and a groups statement
 * are the names Okta's own guides use. NameID: Unspecified with the Okta username by default.
 * OIDC: sub is the user id (00u...), groups only with a groups claim configured.
 */
export const okta: Persona = {
  name: 'okta',
  title: 'Okta',
  description:
    'Okta user IDs (00u...) as sub, groups claim, SAML attribute statements named firstName/lastName/email.',
  saml: {
    nameIdFormat: samlNameIdFormats.unspecified,
    // Not sourced from Okta's documentation: the harness default.
    notBeforeSkewSeconds: 30,
    nameId: (u) => u.email,
    attributeNameFormat: attributeNameFormats.unspecified,
    attributes: [
      { name: 'firstName', value: (u) => u.givenName },
      { name: 'lastName', value: (u) => u.familyName },
      { name: 'email', value: (u) => u.email },
      { name: 'groups', value: (u) => list(u.groups) },
    ],
  },
  oidc: {
    issuerPath: () => '',
    subject: (u, c) => `00u${stableToken(c.providerId, u.id, 'sub', 17).replace(/[-_]/g, 'x')}`,
    claims: [
      { claim: 'ver', scope: 'openid', value: () => 1 },
      { claim: 'idp', scope: 'openid', value: (_u, c) => `00o${c.providerId.padEnd(17, '0').slice(0, 17)}` },
      { claim: 'email', scope: 'email', value: (u) => u.email },
      { claim: 'email_verified', scope: 'email', value: (u) => u.emailVerified },
      { claim: 'name', scope: 'profile', value: (u) => u.displayName },
      { claim: 'given_name', scope: 'profile', value: (u) => u.givenName },
      { claim: 'family_name', scope: 'profile', value: (u) => u.familyName },
      { claim: 'preferred_username', scope: 'profile', value: (u) => u.email },
      { claim: 'groups', scope: 'groups', value: (u) => list(u.groups) },
    ],
    expiredSecretError: () => ({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'The client secret supplied for a confidential client is invalid.',
      },
    }),
  },
};
