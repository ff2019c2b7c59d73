import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyFactory, type KeyMaterial } from '../../../idp/keys/index.ts';
import { createDemoSp, type DemoSp, type DemoSpConfig } from '../index.ts';
import { TestBrowser } from './browser.ts';
import { type OpBehaviour, StandInOp } from './oidc-op.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'demo-sp-oidc-keys-'));
const keys = new KeyFactory({ dir: keyDir, rsaBits: 2048, epoch: '2025-01-01T00:00:00Z' });
let current: KeyMaterial;
let corp: StandInOp;
let entra: StandInOp;
const sps = new Map<string, DemoSp>();

function config(secret = 'corp-secret'): DemoSpConfig {
  return {
    connections: {
      corp: {
        protocol: 'oidc',
        displayName: 'Corp OIDC',
        issuer: corp.url,
        clientId: 'demo-sp',
        clientSecret: secret,
        userinfo: true,
        hostedDomain: 'example.com',
        emailDomains: ['example.com'],
      },
      entra: {
        protocol: 'oidc',
        displayName: 'Entra (staff)',
        issuer: entra.url,
        clientId: 'demo-sp-entra',
        clientSecret: 'entra-secret',
        tenantId: 'tenant-staff',
        emailTrust: 'never',
        matchBy: 'oid',
        jit: true,
        defaultRole: 'staff',
      },
    },
    users: [
      {
        email: 'erin@example.com',
        roles: ['member'],
        auth: { connection: 'corp' },
        subjects: { corp: 'sub-erin' },
      },
      {
        email: 'dan@example.com',
        roles: ['member'],
        auth: { connection: 'entra' },
        subjects: { entra: 'oid-dan' },
      },
    ],
  };
}

async function sp(...lax: string[]): Promise<DemoSp> {
  const key = lax.sort().join(',');
  let found = sps.get(key);
  if (!found) {
    found = await createDemoSp({ config: config(), lax });
    sps.set(key, found);
  }
  return found;
}

async function login(target: DemoSp, behaviour: OpBehaviour = {}, connection = 'corp') {
  (connection === 'corp' ? corp : entra).next = behaviour;
  const browser = new TestBrowser();
  const page = await browser.follow(`${target.url}/login/${connection}`);
  return { browser, page, me: await browser.me(target.url) };
}

const reason = (body: string) => /data-reason="([^"]+)"/.exec(body)?.[1];

beforeAll(async () => {
  current = await keys.get('op', 'current');
  corp = await new StandInOp({
    clientId: 'demo-sp',
    clientSecret: 'corp-secret',
    keys: [current],
    user: { sub: 'sub-erin', email: 'erin@example.com', extra: { hd: 'example.com' } },
  }).start();
  entra = await new StandInOp({
    clientId: 'demo-sp-entra',
    clientSecret: 'entra-secret',
    keys: [current],
    user: { sub: 'pairwise-dan', email: 'dan@example.com', extra: { oid: 'oid-dan', tid: 'tenant-staff' } },
  }).start();
});

afterAll(async () => {
  await Promise.all([...sps.values()].map((s) => s.close()));
  await corp.close();
  await entra.close();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('demo SP, OIDC', () => {
  it('logs in with code + PKCE + nonce + state, reads userinfo, and the probe shows the user', async () => {
    const { me } = await login(await sp());
    expect(me).toEqual({
      status: 200,
      user: {
        email: 'erin@example.com',
        nameId: 'sub-erin',
        externalId: null,
        roles: ['member'],
        connection: 'corp',
        org: 'production',
      },
    });
  });

  it('matches Entra users on oid, never on their (unverified) email', async () => {
    expect((await login(await sp(), {}, 'entra')).me.user).toMatchObject({
      email: 'dan@example.com',
      connection: 'entra',
    });
    const impostor = await login(
      await sp(),
      { claims: (c) => Object.assign(c, { oid: 'oid-someone-else' }) },
      'entra',
    );
    expect(reason(impostor.page.body)).toBe('identity-conflict');
  });

  const rogueSameKid = async (): Promise<OpBehaviour> => ({
    key: await keys.get('op', 'rogue'),
    kid: current.kid,
  });
  it.each<[string, () => OpBehaviour | Promise<OpBehaviour>, string?]>([
    ['nonce', () => ({ claims: (c) => Object.assign(c, { nonce: 'someone-elses-nonce' }) })],
    ['oidc-audience', () => ({ claims: (c) => Object.assign(c, { aud: 'another-client' }) })],
    ['oidc-issuer', () => ({ claims: (c) => Object.assign(c, { iss: 'https://evil.example' }) })],
    ['azp', () => ({ claims: (c) => Object.assign(c, { azp: 'another-client' }) })],
    ['alg-none', () => ({ alg: 'none' })],
    ['hs-confusion', () => ({ alg: 'HS256' })],
    ['id-token-signature', rogueSameKid],
    ['clock-skew', () => ({ claims: (c) => Object.assign(c, { exp: Math.floor(Date.now() / 1000) - 300 }) })],
    [
      'issue-instant',
      () => ({ claims: (c) => Object.assign(c, { iat: Math.floor(Date.now() / 1000) + 240 }) }),
    ],
    ['state', () => ({ authResponse: (p) => p.set('state', 'forged') })],
    ['auth-response-iss', () => ({ authResponse: (p) => p.set('iss', 'https://evil.example') })],
    ['userinfo-sub', () => ({ userinfo: (u) => Object.assign(u, { sub: 'sub-mallory' }) })],
    ['email-verified', () => ({ claims: (c) => Object.assign(c, { email_verified: false }) })],
    ['hosted-domain', () => ({ claims: (c) => Object.assign(c, { hd: 'gmail.example' }) })],
    ['tenant', () => ({ claims: (c) => Object.assign(c, { tid: 'tenant-other' }) }), 'entra'],
  ])('refuses %s strictly, and accepts it with --lax %s', async (lax, behaviour, connection = 'corp') => {
    const strict = await login(await sp(), await behaviour(), connection);
    expect(reason(strict.page.body)).toBe(lax);
    expect(strict.me.status).toBe(401);
    const relaxed = await login(await sp(lax), await behaviour(), connection);
    expect(relaxed.me.status, relaxed.page.body.slice(-600)).toBe(200);
  });

  it('accepts a one-element aud array, refuses extra audiences even with azp', async () => {
    expect(
      (await login(await sp(), { claims: (c) => Object.assign(c, { aud: ['demo-sp'] }) })).me.status,
    ).toBe(200);
    const extra = await login(await sp(), {
      claims: (c) => Object.assign(c, { aud: ['demo-sp', 'other'], azp: 'demo-sp' }),
    });
    expect(reason(extra.page.body)).toBe('oidc-audience');
  });

  it('fetches the JWKS again for an unknown kid (key rotation), and only once', async () => {
    const target = await sp();
    expect((await login(target)).me.status).toBe(200); // JWKS cached
    const next = await keys.get('op', 'next');
    corp.published = [current, next];
    try {
      expect((await login(target, { key: next })).me.status).toBe(200);
    } finally {
      corp.published = [current];
    }
    const unknown = await login(target, { key: await keys.get('another-op', 'current') });
    expect(reason(unknown.page.body)).toBe('id-token-signature');
  });

  it('says plainly when the client secret is refused', async () => {
    const wrongSecret = await createDemoSp({ config: config('expired-secret') });
    try {
      const { page, me } = await login(wrongSecret);
      expect(reason(page.body)).toBe('client-secret');
      expect(page.body).toContain('AADSTS7000222');
      expect(me.status).toBe(401);
    } finally {
      await wrongSecret.close();
    }
  });

  it('provisions an unknown Entra user just in time with the default role', async () => {
    entra.user = {
      sub: 'pairwise-zoe',
      email: 'zoe@example.com',
      extra: { oid: 'oid-zoe', tid: 'tenant-staff' },
    };
    try {
      expect((await login(await sp(), {}, 'entra')).me.user).toMatchObject({
        email: 'zoe@example.com',
        roles: ['staff'],
      });
    } finally {
      entra.user = {
        sub: 'pairwise-dan',
        email: 'dan@example.com',
        extra: { oid: 'oid-dan', tid: 'tenant-staff' },
      };
    }
  });
});
