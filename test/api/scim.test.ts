import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScimTokens } from '../../examples/demo-sp/index.ts';
import { type HarnessWithSp, startHarnessWithDemoSp } from '../ui/support/environment.ts';
import { apiClient } from './support.ts';

let env: HarnessWithSp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  env = await startHarnessWithDemoSp();
  api = apiClient(env.url);
});
afterAll(() => env?.close());

describe('/api/scim: provisioning by hand', () => {
  it('lists the providers that provision, with their dialect and quirks', async () => {
    const { status, body } = await api.get('/api/scim/providers');
    expect(status).toBe(200);
    const byId = Object.fromEntries(body.map((p: { provider: string }) => [p.provider, p]));
    expect(Object.keys(byId).sort()).toEqual(['demo-entra-staff', 'demo-okta-saml', 'demo-saml']);
    expect(byId['demo-entra-staff'].dialect.name).toBe('entra');
    expect(byId['demo-okta-saml'].dialect).toMatchObject({ name: 'okta', deletesUsers: false });
    expect(byId['demo-saml'].dialect.name).toBe('rfc');
    for (const quirk of byId['demo-entra-staff'].dialect.quirks) expect(quirk.source).toMatch(/^https:\/\//);
  });

  it('pushes a user, then deactivating it at the IdP disables it at the SP', async () => {
    const pushed = await api.post('/api/scim/demo-okta-saml/users/olivia/push');
    expect(pushed.status).toBe(200);
    // Olivia is already in the SP (seeded): Okta's lookup finds and links her.
    expect(pushed.body).toMatchObject({ ok: true });
    expect(pushed.body.summary).toMatch(/found olivia@partner\.example at the SP .*linked/);
    const off = await api.post('/api/scim/demo-okta-saml/users/olivia/deactivate');
    expect(off.body).toMatchObject({ ok: true });
    expect(off.body.state.users.find((u: { id: string }) => u.id === 'olivia').state).toBe('inactive');
    expect(env.sp.users.byEmail('olivia@partner.example')?.disabled).toBe(true);
    const back = await api.post('/api/scim/demo-okta-saml/users/olivia/reactivate');
    expect(back.body.ok).toBe(true);
    expect(env.sp.users.byEmail('olivia@partner.example')?.disabled).toBe(false);
  });

  it('records each exchange in the trace, decoded and with the token masked', async () => {
    const trace = await api.get('/api/trace?provider=demo-okta-saml');
    const scim = trace.body.filter((e: { protocol: string }) => e.protocol === 'scim');
    expect(scim.map((e: { kind: string }) => e.kind)).toContain('PATCH Users');
    const exported = await api.get('/api/trace/export');
    expect(exported.text).toContain('Bearer «masked»');
    for (const token of Object.values(demoScimTokens)) expect(exported.text).not.toContain(token);
  });

  it('refuses what the dialect never sends, unknown actions and unknown providers, saying so', async () => {
    const del = await api.post('/api/scim/demo-okta-saml/users/olivia/delete');
    expect(del.status).toBe(400);
    expect(del.body.error.message).toMatch(/Okta never sends DELETE/);
    const bogus = await api.post('/api/scim/demo-okta-saml/users/olivia/explode');
    expect(bogus.status).toBe(404);
    expect(bogus.body.error.message).toMatch(/known: push, deactivate, reactivate, delete/);
    const nope = await api.get('/api/scim/nope');
    expect(nope.status).toBe(404);
    expect(nope.body.error.message).toMatch(/providers with one: .*demo-okta-saml/);
  });
});
