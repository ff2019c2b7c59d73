import { describe, expect, it } from 'vitest';
import { loginThroughPersona } from '../../support/oidc-rp.ts';

const users = {
  alice: {
    email: 'alice@example.com',
    givenName: 'Alice',
    familyName: 'Admin',
    externalId: 'E-1001',
    groups: ['admins'],
    roles: ['owner'],
    emailVerified: false,
    attributes: { locale: 'de-CH', aud: 'not-sent' },
  },
};

describe('OIDC persona: generic', () => {
  it('sends plain claim names, the external ID and the user’s own attributes', async () => {
    const { claims, userinfo } = await loginThroughPersona({ persona: 'generic' }, users, 'alice');
    expect(claims).toMatchObject({
      email: 'alice@example.com',
      email_verified: false,
      name: 'Alice Admin',
      given_name: 'Alice',
      family_name: 'Admin',
      preferred_username: 'alice@example.com',
      external_id: 'E-1001',
      groups: ['admins'],
      roles: ['owner'],
      locale: 'de-CH',
      aud: 'app',
    });
    expect(claims.sub).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(userinfo).toMatchObject({ locale: 'de-CH', external_id: 'E-1001' });
  });
});
