import type { ConfigInput } from './schema.ts';

/**
 * The configuration used when no config file is found: one SAML and one OIDC provider
 * with a few test users, so `sso-harness serve` does something useful out of the box.
 */
export const builtinConfig: ConfigInput = {
  providers: {
    'mock-saml': {
      protocol: 'saml',
      displayName: 'Mock SAML IdP',
      unknownSp: 'permissive',
      allowUnknownUsers: true,
    },
    'mock-oidc': {
      protocol: 'oidc',
      displayName: 'Mock OIDC Provider',
      allowUnknownUsers: true,
    },
  },
  users: {
    alice: {
      email: 'alice@example.com',
      givenName: 'Alice',
      familyName: 'Admin',
      externalId: 'E-1001',
      groups: ['admins', 'engineering'],
    },
    bob: { email: 'bob@example.com', givenName: 'Bob', familyName: 'Builder', groups: ['engineering'] },
  },
};
