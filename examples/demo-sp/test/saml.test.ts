import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyFactory, type KeyMaterial } from '../../../idp/keys/index.ts';
import { createDemoSp, type DemoSp, type DemoSpConfig } from '../index.ts';
import { TestBrowser } from './browser.ts';
import { authnRequestId, buildResponse, type ResponseSpec, StandInIdp } from './saml-idp.ts';

const keyDir = mkdtempSync(join(tmpdir(), 'demo-sp-keys-'));
const keys = new KeyFactory({ dir: keyDir, rsaBits: 2048, epoch: '2025-01-01T00:00:00Z' });
let current: KeyMaterial;
let idp: StandInIdp;
let partnerIdp: StandInIdp;
const sps = new Map<string, DemoSp>();

function config(): DemoSpConfig {
  return {
    connections: {
      acme: {
        protocol: 'saml',
        displayName: 'Acme SAML',
        metadataUrl: idp.metadataUrl,
        emailDomains: ['example.com'],
        groupRoles: { admins: 'admin' },
        defaultRole: 'member',
      },
      partner: {
        protocol: 'saml',
        displayName: 'Partner SAML',
        metadataUrl: partnerIdp.metadataUrl,
        emailDomains: ['partner.example'],
        jit: true,
        defaultRole: 'viewer',
        groupRoles: { editors: 'editor' },
      },
    },
    users: [
      { email: 'alice@example.com', roles: ['member'], externalId: 'A-1', auth: { connection: 'acme' } },
      { email: 'bob@example.com', roles: ['member'], auth: { connection: 'partner' } },
      { email: 'root@example.com', roles: ['owner'], breakGlass: true, auth: { password: 'root-pass' } },
    ],
  };
}

/** One SP per set of lax switches, started on first use. */
async function sp(...lax: string[]): Promise<DemoSp> {
  const key = lax.sort().join(',');
  let found = sps.get(key);
  if (!found) {
    found = await createDemoSp({ config: config(), lax });
    sps.set(key, found);
  }
  return found;
}

/** SP-initiated login through `connection`, answered by a response built from `spec`. */
async function login(
  target: DemoSp,
  spec: Partial<ResponseSpec> = {},
  connection = 'acme',
): Promise<{ browser: TestBrowser; page: { status: number; body: string; url: string }; posted: string }> {
  const browser = new TestBrowser();
  const start = await browser.get(`${target.url}/login/${connection}`);
  expect(start.status).toBe(302);
  const stand = connection === 'acme' ? idp : partnerIdp;
  const acsUrl = `${target.url}/saml/${connection}/acs`;
  const posted = buildResponse({
    issuer: stand.entityId,
    acsUrl,
    audience: `${target.url}/saml/${connection}`,
    key: current,
    inResponseTo: authnRequestId(start.headers.get('location')!),
    ...spec,
  });
  const page = await browser.follow(
    await browser.post(acsUrl, { SAMLResponse: posted, RelayState: '/account' }),
  );
  return { browser, page, posted };
}

const reason = (body: string) => /data-reason="([^"]+)"/.exec(body)?.[1];

beforeAll(async () => {
  current = await keys.get('idp', 'current');
  idp = await new StandInIdp('https://idp.acme.test/saml', [current.certificatePem!]).start();
  partnerIdp = await new StandInIdp('https://idp.partner.test/saml', [current.certificatePem!]).start();
});

afterAll(async () => {
  await Promise.all([...sps.values()].map((s) => s.close()));
  await idp.close();
  await partnerIdp.close();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('demo SP, SAML, strict', () => {
  it('logs in with a signed assertion, and the probe tells who is logged in', async () => {
    const target = await sp();
    const anonymous = await new TestBrowser().me(target.url);
    expect(anonymous).toEqual({ status: 401, user: null });

    const { browser, page } = await login(target, {
      attributes: { email: ['alice@example.com'], groups: ['admins'] },
    });
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-user-email="alice@example.com"');
    const me = await browser.me(target.url);
    expect(me.status).toBe(200);
    expect(me.user).toEqual({
      email: 'alice@example.com',
      nameId: 'alice@example.com',
      externalId: 'A-1',
      roles: ['admin'],
      connection: 'acme',
      org: 'production',
    });
  });

  it('accepts a signed Response covering an unsigned assertion', async () => {
    const { page } = await login(await sp(), { sign: 'response' });
    expect(page.body).toContain('data-user-email="alice@example.com"');
  });

  it.each([
    ['audience', { audience: 'https://other-sp.example' }],
    ['destination', { destination: 'https://other-sp.example/acs' }],
    ['recipient', { recipient: 'https://other-sp.example/acs' }],
    ['signature-required', { sign: 'none' as const }],
    ['clock-skew', { clockOffsetSeconds: -600 }],
    ['issue-instant', { issueInstantSeconds: 240 }],
    ['in-response-to', { inResponseTo: '_not-a-request-of-this-sp' }],
    ['unsolicited', { inResponseTo: undefined }],
    ['status', { status: 'urn:oasis:names:tc:SAML:2.0:status:Responder' }],
    ['nameid-format', { nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient' }],
    ['authn-context', { authnContext: 'urn:oasis:names:tc:SAML:2.0:ac:classes:Password' }],
    ['required-attributes', { attributes: { givenName: ['Alice'] } }],
    ['session-not-on-or-after', { sessionNotOnOrAfterSeconds: -120 }],
    ['weak-crypto', { signatureAlgorithm: 'rsa-sha1' as const }],
    ['issuer', { issuer: 'https://evil-idp.example' }],
    ['doctype', { doctype: true }],
  ])('refuses %s strictly, and accepts it with --lax %s', async (lax, spec) => {
    const strict = await login(await sp(), spec);
    expect(reason(strict.page.body)).toBe(lax);
    expect(strict.page.status).toBe(lax === 'doctype' ? 400 : 403);
    expect((await strict.browser.me((await sp()).url)).status).toBe(401);

    const laxSp = await sp(lax);
    const relaxed = await login(laxSp, spec);
    expect(relaxed.page.body).toContain('data-user-email="alice@example.com"');
    expect((await relaxed.browser.me(laxSp.url)).status).toBe(200);
  });

  it('accepts a small clock skew (30 s) but not 2 minutes', async () => {
    expect((await login(await sp(), { clockOffsetSeconds: -30 })).page.body).toContain('data-user-email');
    expect(reason((await login(await sp(), { clockOffsetSeconds: -420 })).page.body)).toBe('clock-skew');
  });

  it('refuses a replayed assertion from a fresh session, unless the replay cache is off', async () => {
    for (const [lax, expected] of [
      [[], 'replay-cache'],
      [['replay-cache'], undefined],
    ] as const) {
      const target = await sp(...lax);
      const first = await login(target);
      expect((await first.browser.me(target.url)).status).toBe(200);
      const fresh = new TestBrowser();
      const again = await fresh.follow(
        await fresh.post(`${target.url}/saml/acme/acs`, { SAMLResponse: first.posted }),
      );
      expect(reason(again.body)).toBe(expected);
      expect((await fresh.me(target.url)).status).toBe(expected ? 401 : 200);
    }
  });

  it('never trusts a certificate from KeyInfo: a rogue key is refused unless keyinfo-trust', async () => {
    const rogue = await keys.get('idp', 'rogue');
    expect(reason((await login(await sp(), { key: rogue })).page.body)).toBe('signature-invalid');
    expect((await login(await sp('keyinfo-trust'), { key: rogue })).page.body).toContain('data-user-email');
  });

  it('is safe against signature wrapping: an injected unsigned assertion is never read, unless signature-wrapping', async () => {
    const wrap = async (target: DemoSp) => {
      const browser = new TestBrowser();
      const start = await browser.get(`${target.url}/login/acme`);
      const acsUrl = `${target.url}/saml/acme/acs`;
      const signed = Buffer.from(
        buildResponse({
          issuer: idp.entityId,
          acsUrl,
          audience: `${target.url}/saml/acme`,
          key: current,
          inResponseTo: authnRequestId(start.headers.get('location')!),
        }),
        'base64',
      ).toString('utf8');
      // The attacker copies the signed assertion, renames the copy's subject and ID, and puts it first.
      const assertion = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
      const evil = assertion
        .replace(/<(ds:)?Signature[\s\S]*<\/(ds:)?Signature>/, '')
        .replace(/ID="[^"]+"/, 'ID="_evil"')
        .replaceAll('alice@example.com', 'bob@example.com');
      const wrapped = signed.replace('<saml:Assertion', `${evil}<saml:Assertion`);
      const page = await browser.follow(
        await browser.post(acsUrl, { SAMLResponse: Buffer.from(wrapped).toString('base64') }),
      );
      return { page, me: await browser.me(target.url) };
    };
    const strict = await wrap(await sp());
    expect(reason(strict.page.body)).toBe('multiple-assertions');
    expect(strict.me.status).toBe(401);
    const relaxed = await wrap(await sp('signature-wrapping', 'connection-binding'));
    expect(relaxed.me.user).toMatchObject({ email: 'bob@example.com' });
  });

  it('refuses an expired registered certificate unless certificate-expiry', async () => {
    const expired = await keys.get('idp', 'expired');
    const was = idp.certificates;
    idp.certificates = [expired.certificatePem!];
    try {
      expect(reason((await login(await sp(), { key: expired })).page.body)).toBe('certificate-expiry');
      expect((await login(await sp('certificate-expiry'), { key: expired })).page.body).toContain(
        'data-user-email',
      );
    } finally {
      idp.certificates = was;
    }
  });

  it('follows a key rotation: an unknown key makes it read the metadata again', async () => {
    const next = await keys.get('idp', 'next');
    const target = await sp();
    const was = idp.certificates;
    idp.certificates = [current.certificatePem!, next.certificatePem!];
    try {
      expect((await login(target, { key: next })).page.body).toContain('data-user-email');
    } finally {
      idp.certificates = was;
    }
  });
});

describe('demo SP, accounts and connections', () => {
  it('invite-only refuses an unknown user with a clear page, never a 500; --lax jit provisions', async () => {
    const strict = await login(await sp(), {
      nameId: 'mallory@example.com',
      attributes: { email: ['mallory@example.com'] },
    });
    expect(strict.page.status).toBe(403);
    expect(reason(strict.page.body)).toBe('jit');
    expect(strict.page.body).toContain('invite-only');
    const relaxed = await login(await sp('jit'), {
      nameId: 'mallory@example.com',
      attributes: { email: ['mallory@example.com'] },
    });
    expect((await relaxed.browser.me((await sp('jit')).url)).user).toMatchObject({
      email: 'mallory@example.com',
      roles: ['member'],
    });
  });

  it('JIT provisions on a JIT connection with the default role, or the role mapped from a group', async () => {
    const target = await sp();
    const plain = await login(
      target,
      { nameId: 'nina@partner.example', attributes: { email: ['nina@partner.example'] } },
      'partner',
    );
    expect((await plain.browser.me(target.url)).user).toMatchObject({
      email: 'nina@partner.example',
      roles: ['viewer'],
      connection: 'partner',
    });
    const editor = await login(
      target,
      {
        nameId: 'omar@partner.example',
        attributes: { email: ['omar@partner.example'], groups: ['editors'] },
      },
      'partner',
    );
    expect((await editor.browser.me(target.url)).user).toMatchObject({ roles: ['editor'] });
  });

  it('refuses an email outside the connection domains unless email-domain', async () => {
    const spec = { nameId: 'eve@elsewhere.example', attributes: { email: ['eve@elsewhere.example'] } };
    expect(reason((await login(await sp(), spec, 'partner')).page.body)).toBe('email-domain');
    expect((await login(await sp('email-domain'), spec, 'partner')).page.body).toContain('data-user-email');
  });

  it('refuses a user bound to another connection unless connection-binding', async () => {
    const spec = { nameId: 'bob@example.com', attributes: { email: ['bob@example.com'] } };
    const strict = await login(await sp(), spec);
    expect(reason(strict.page.body)).toBe('connection-binding');
    expect(strict.page.body).toContain('Partner SAML');
    expect((await login(await sp('connection-binding'), spec)).page.body).toContain(
      'data-user-email="bob@example.com"',
    );
  });

  it('never takes over an account linked to another subject unless match-by-email', async () => {
    const target = await sp('jit');
    await login(target); // links alice's NameID at acme
    const spec = {
      nameId: 'someone-else',
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      attributes: { email: ['alice@example.com'] },
    };
    expect(reason((await login(target, spec)).page.body)).toBe('identity-conflict');
    expect((await login(await sp('match-by-email'), spec)).page.body).toContain(
      'data-user-email="alice@example.com"',
    );
  });

  it('password login works for the break-glass admin, who can never use SSO', async () => {
    const target = await sp();
    const browser = new TestBrowser();
    const wrong = await browser.post(`${target.url}/login/password`, {
      email: 'root@example.com',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    await browser.follow(
      await browser.post(`${target.url}/login/password`, {
        email: 'root@example.com',
        password: 'root-pass',
      }),
    );
    expect((await browser.me(target.url)).user).toMatchObject({
      email: 'root@example.com',
      roles: ['owner'],
      connection: null,
    });

    const sso = await login(target, {
      nameId: 'root@example.com',
      attributes: { email: ['root@example.com'] },
    });
    expect(reason(sso.page.body)).toBe('connection-binding');
    expect(sso.page.body).toContain('break-glass');

    const ssoUserPassword = await new TestBrowser().post(`${target.url}/login/password`, {
      email: 'alice@example.com',
      password: 'x',
    });
    expect(ssoUserPassword.status).toBe(400);
    expect(reason(ssoUserPassword.body)).toBe('sso-required');
  });

  it('routes email-first to the user connection and logs out', async () => {
    const target = await sp();
    const browser = new TestBrowser();
    const routed = await browser.post(`${target.url}/login/email`, { email: 'alice@example.com' });
    expect(routed.headers.get('location')).toBe('/login/acme');
    const { browser: loggedIn } = await login(target);
    expect((await loggedIn.me(target.url)).status).toBe(200);
    await loggedIn.follow(`${target.url}/logout`);
    expect((await loggedIn.me(target.url)).status).toBe(401);
  });

  it('answers JSON refusals with the reason code', async () => {
    const target = await sp();
    const response = await fetch(`${target.url}/saml/acme/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'SAMLResponse=bm90IHhtbA%3D%3D',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { reason: 'response-invalid', connection: 'acme' },
    });
  });
});

describe('demo SP with one connection', () => {
  it('/login goes straight to the only enabled connection', async () => {
    const solo = await createDemoSp({
      config: {
        connections: {
          solo: { protocol: 'saml', displayName: 'Solo', metadataUrl: idp.metadataUrl },
          off: { protocol: 'saml', displayName: 'Off', metadataUrl: idp.metadataUrl, disabled: true },
        },
        users: [],
      },
    });
    try {
      const browser = new TestBrowser();
      const first = await browser.get(`${solo.url}/login`);
      expect(first.headers.get('location')).toBe('/login/solo');
      const second = await browser.get(`${solo.url}/login/solo`);
      expect(second.headers.get('location')).toMatch(new RegExp(`^${idp.ssoUrl}\\?SAMLRequest=`));
      const disabled = await browser.get(`${solo.url}/login/off`);
      expect(reason(disabled.body)).toBe('disabled-connection');
      expect((await browser.get(`${solo.url}/login?picker=1`)).body).toContain('data-connection="solo"');
    } finally {
      await solo.close();
    }
  });
});
