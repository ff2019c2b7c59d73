import { describe, expect, it } from 'vitest';
import { loginThroughPersona } from '../../support/oidc-rp.ts';

const users = {
  alice: {
    email: 'alice@contoso.example',
    givenName: 'Alice',
    familyName: 'Admin',
    groups: ['g1', 'g2'],
    roles: ['Admin'],
  },
  many: { email: 'many@contoso.example', groups: ['g1', 'g2', 'g3', 'g4'] },
};
const entra = {
  persona: 'entra',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  groupsOverageThreshold: 3,
};

describe('OIDC persona: Microsoft Entra ID', () => {
  it('issues from the tenant path with oid, tid, preferred_username and a stable sub', async () => {
    const { issuer, claims, userinfo, again } = await loginThroughPersona(entra, users, 'alice');
    expect(issuer).toMatch(/\/oidc\/op\/72f988bf-86f1-41af-91ab-2d7cd011db47\/v2\.0$/);
    expect(claims).toMatchObject({
      iss: issuer,
      ver: '2.0',
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      preferred_username: 'alice@contoso.example',
      upn: 'alice@contoso.example',
      name: 'Alice Admin',
      email: 'alice@contoso.example',
      groups: ['g1', 'g2'],
      roles: ['Admin'],
    });
    expect(claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.sub).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(again.sub).toBe(claims.sub);
    expect(again.oid).toBe(claims.oid);
    expect(userinfo.oid).toBe(claims.oid);
  });

  it('sends the groups overage form above the threshold', async () => {
    const { claims } = await loginThroughPersona(entra, users, 'many');
    expect(claims.groups).toBeUndefined();
    expect(claims._claim_names).toEqual({ groups: 'src1' });
    expect((claims._claim_sources as { src1: { endpoint: string } }).src1.endpoint).toMatch(
      new RegExp(`^https://graph\\.microsoft\\.com/v1\\.0/users/${String(claims.oid)}/getMemberObjects$`),
    );
  });
});
