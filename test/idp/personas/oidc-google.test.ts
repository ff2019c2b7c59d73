import { describe, expect, it } from 'vitest';
import { loginThroughPersona } from '../../support/oidc-rp.ts';

const users = {
  worker: { email: 'worker@acme.example', givenName: 'Wanda', familyName: 'Worker' },
  consumer: { email: 'someone@gmail.com' },
};

describe('OIDC persona: Google Workspace', () => {
  it('sends hd for a Workspace account, a numeric sub, and email_verified', async () => {
    const { issuer, claims } = await loginThroughPersona({ persona: 'google' }, users, 'worker');
    expect(issuer).toMatch(/\/oidc\/op$/);
    expect(claims).toMatchObject({
      hd: 'acme.example',
      email: 'worker@acme.example',
      email_verified: true,
      given_name: 'Wanda',
      family_name: 'Worker',
    });
    expect(claims.sub).toMatch(/^\d{21}$/);
  });

  it('sends no hd for a consumer account, and the configured hosted domain when there is one', async () => {
    const consumer = await loginThroughPersona({ persona: 'google' }, users, 'consumer');
    expect(consumer.claims).not.toHaveProperty('hd');
    const hosted = await loginThroughPersona(
      { persona: 'google', hostedDomain: 'corp.example' },
      users,
      'worker',
    );
    expect(hosted.claims.hd).toBe('corp.example');
  });
});
