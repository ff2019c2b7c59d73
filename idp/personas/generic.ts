import { samlNameIdFormats } from '../../config/schema.ts';
import { stableToken } from '../directory/stable-id.ts';
import { list } from './shared.ts';
import { attributeNameFormats, type Persona } from './types.ts';

export const generic: Persona = {
  name: 'generic',
  title: 'Generic',
  description: 'Plain attribute and claim names (email, givenName, groups); no vendor quirks.',
  saml: {
    nameIdFormat: samlNameIdFormats.emailAddress,
    // The harness's own habit: a little back-dating, as many IdPs do.
    notBeforeSkewSeconds: 30,
    nameId: (u) => u.nameId,
    attributeNameFormat: attributeNameFormats.basic,
    attributes: [
      { name: 'email', value: (u) => u.email },
      { name: 'givenName', value: (u) => u.givenName },
      { name: 'familyName', value: (u) => u.familyName },
      { name: 'displayName', value: (u) => u.displayName },
      { name: 'externalId', value: (u) => u.externalId },
      { name: 'groups', value: (u) => list(u.groups) },
      { name: 'roles', value: (u) => list(u.roles) },
    ],
  },
  oidc: {
    issuerPath: () => '',
    subject: (u, c) => stableToken(c.providerId, u.id, 'sub', 22),
    claims: [
      { claim: 'email', scope: 'email', value: (u) => u.email },
      { claim: 'email_verified', scope: 'email', value: (u) => u.emailVerified },
      { claim: 'name', scope: 'profile', value: (u) => u.displayName },
      { claim: 'given_name', scope: 'profile', value: (u) => u.givenName },
      { claim: 'family_name', scope: 'profile', value: (u) => u.familyName },
      { claim: 'preferred_username', scope: 'profile', value: (u) => u.email },
      { claim: 'external_id', scope: 'profile', value: (u) => u.externalId },
      { claim: 'groups', scope: 'groups', value: (u) => list(u.groups) },
      { claim: 'roles', scope: 'groups', value: (u) => list(u.roles) },
    ],
    expiredSecretError: () => ({
      status: 401,
      body: { error: 'invalid_client', error_description: 'client secret expired' },
    }),
  },
};
