import { samlNameIdFormats } from '../../config/schema.ts';
import { stableDigits } from '../directory/stable-id.ts';
import { list } from './shared.ts';
import { attributeNameFormats, type Persona } from './types.ts';

/**
 * OneLogin's SAML connectors (the "SAML Test Connector (Advanced)" the OneLogin toolkits
 * document) send User.email, User.FirstName, User.LastName, memberOf (and PersonImmutableID)
 * with NameFormat basic, and the email as NameID; a passport-saml profile of such a response,
 * seen in public code, lists exactly these names.
 */
export const onelogin: Persona = {
  name: 'onelogin',
  title: 'OneLogin',
  description: 'Numeric user IDs as sub, SAML attributes named User.email / User.FirstName / memberOf.',
  saml: {
    nameIdFormat: samlNameIdFormats.emailAddress,
    // Not sourced from OneLogin's documentation: the harness default.
    notBeforeSkewSeconds: 30,
    nameId: (u) => u.email,
    attributeNameFormat: attributeNameFormats.basic,
    attributes: [
      { name: 'User.email', value: (u) => u.email },
      { name: 'User.FirstName', value: (u) => u.givenName },
      { name: 'User.LastName', value: (u) => u.familyName },
      { name: 'memberOf', value: (u) => list(u.groups) },
    ],
  },
  oidc: {
    issuerPath: () => '/oidc/2',
    subject: (u, c) => stableDigits(c.providerId, u.id, 'sub', 9),
    claims: [
      { claim: 'email', scope: 'email', value: (u) => u.email },
      { claim: 'name', scope: 'profile', value: (u) => u.displayName },
      { claim: 'given_name', scope: 'profile', value: (u) => u.givenName },
      { claim: 'family_name', scope: 'profile', value: (u) => u.familyName },
      { claim: 'preferred_username', scope: 'profile', value: (u) => u.email },
      { claim: 'groups', scope: 'groups', value: (u) => list(u.groups) },
    ],
    expiredSecretError: () => ({
      status: 401,
      body: { error: 'invalid_client', error_description: 'client authentication failed' },
    }),
  },
};
