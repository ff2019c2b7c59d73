import { samlNameIdFormats } from '../../config/schema.ts';
import { stableDigits } from '../directory/stable-id.ts';
import { emailDomain } from './shared.ts';
import { attributeNameFormats, type Persona } from './types.ts';

const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * Google Workspace. `hd` is the Workspace domain; consumer accounts have none (Google
 * Identity, "OpenID Connect": the hd claim "is only present for Google Workspace and Cloud
 * organization accounts"; an RP limiting logins to a domain must check it, since the `hd`
 * request parameter is only a UI hint). Scenarios: oidc.users.google-hd-foreign, -missing.
 */
export const google: Persona = {
  name: 'google',
  title: 'Google Workspace',
  description:
    'Numeric sub, hd (hosted domain) for Workspace accounts; SAML NameID is the primary email, attributes only as mapped by the admin.',
  saml: {
    nameIdFormat: samlNameIdFormats.emailAddress,
    // Not sourced from Google's documentation: the harness default.
    notBeforeSkewSeconds: 30,
    nameId: (u) => u.email,
    attributeNameFormat: attributeNameFormats.unspecified,
    attributes: [
      { name: 'email', value: (u) => u.email },
      { name: 'firstName', value: (u) => u.givenName },
      { name: 'lastName', value: (u) => u.familyName },
    ],
  },
  oidc: {
    issuerPath: () => '',
    subject: (u, c) => stableDigits(c.providerId, u.id, 'sub', 21),
    claims: [
      {
        claim: 'hd',
        scope: 'openid',
        value: (u, c) =>
          c.hostedDomain ?? (CONSUMER_DOMAINS.has(emailDomain(u)) ? undefined : emailDomain(u)),
      },
      { claim: 'email', scope: 'email', value: (u) => u.email },
      { claim: 'email_verified', scope: 'email', value: (u) => u.emailVerified },
      { claim: 'name', scope: 'profile', value: (u) => u.displayName },
      { claim: 'given_name', scope: 'profile', value: (u) => u.givenName },
      { claim: 'family_name', scope: 'profile', value: (u) => u.familyName },
    ],
    expiredSecretError: () => ({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Unauthorized' },
    }),
  },
};
