import { describe, expect, it } from 'vitest';
import { loginThroughPersona } from '../../support/oidc-rp.ts';

const users = {
  alice: { email: 'alice@example.com', givenName: 'Alice', familyName: 'A', groups: ['sales'] },
};

describe('OIDC persona: OneLogin', () => {
  it('issues from /oidc/2 with a numeric sub and groups', async () => {
    const { issuer, claims } = await loginThroughPersona({ persona: 'onelogin' }, users, 'alice');
    expect(issuer).toMatch(/\/oidc\/op\/oidc\/2$/);
    expect(claims.iss).toBe(issuer);
    expect(claims.sub).toMatch(/^\d{9}$/);
    expect(claims).toMatchObject({
      email: 'alice@example.com',
      preferred_username: 'alice@example.com',
      given_name: 'Alice',
      family_name: 'A',
      groups: ['sales'],
    });
  });
});
