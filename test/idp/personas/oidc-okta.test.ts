import { describe, expect, it } from 'vitest';
import { loginThroughPersona } from '../../support/oidc-rp.ts';

const users = { alice: { email: 'alice@example.com', givenName: 'Alice', groups: ['Everyone', 'Admins'] } };

describe('OIDC persona: Okta', () => {
  it('sends an Okta user ID as sub and groups with the groups scope', async () => {
    const { claims, userinfo } = await loginThroughPersona({ persona: 'okta' }, users, 'alice');
    expect(claims.sub).toMatch(/^00u[A-Za-z0-9]{17}$/);
    expect(claims).toMatchObject({
      ver: 1,
      preferred_username: 'alice@example.com',
      email: 'alice@example.com',
      email_verified: true,
      groups: ['Everyone', 'Admins'],
    });
    expect(String(claims.idp)).toMatch(/^00o/);
    expect(userinfo.groups).toEqual(['Everyone', 'Admins']);
  });

  it('leaves groups out when the groups scope is not asked for', async () => {
    const { claims } = await loginThroughPersona({ persona: 'okta' }, users, 'alice', 'openid email');
    expect(claims).not.toHaveProperty('groups');
    expect(claims).not.toHaveProperty('preferred_username');
    expect(claims.email).toBe('alice@example.com');
  });
});
