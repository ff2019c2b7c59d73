import { describe, expect, it } from 'vitest';
import { loginThroughPersona } from '../../support/oidc-rp.ts';

const users = { alice: { email: 'alice@example.com', groups: ['admins'], roles: ['editor'] } };

describe('OIDC persona: Auth0', () => {
  it('issues with a trailing slash, auth0|<id> subjects and namespaced custom claims', async () => {
    const { issuer, claims } = await loginThroughPersona({ persona: 'auth0' }, users, 'alice');
    expect(issuer).toMatch(/\/oidc\/op\/$/);
    expect(claims.iss).toBe(issuer);
    expect(claims.sub).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(claims).toMatchObject({
      nickname: 'alice',
      email: 'alice@example.com',
      email_verified: true,
      'https://sso-harness.test/groups': ['admins'],
      'https://sso-harness.test/roles': ['editor'],
    });
  });
});
