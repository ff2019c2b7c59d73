import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../runner/harness.ts';
import { tempDir } from '../../../test/support/idp.ts';
import { createDemoSp, type DemoSp, demoHarnessProviders } from '../index.ts';
import { freePort, TestBrowser } from './browser.ts';

/**
 * The demo SP against the real harness SAML and OIDC providers, with the default configuration on both
 * sides (`defaultDemoSpConfig` + `demoHarnessProviders`): they must fit together.
 */
let harness: Harness;
let sp: DemoSp;

beforeAll(async () => {
  const port = await freePort();
  const spUrl = `http://127.0.0.1:${port}`;
  harness = await startHarness({ config: { ...demoHarnessProviders(spUrl), stateDir: tempDir() }, port: 0 });
  sp = await createDemoSp({ harnessUrl: harness.url, port });
});

afterAll(async () => {
  await sp?.close();
  await harness?.close();
});

/** Logs `user` in through `connection`, the harness asserting that user without its login page. */
async function login(connection: string, provider: string, user: string) {
  const browser = new TestBrowser();
  const flow = harness.flow({ provider, user });
  browser.cookies.set(flow.cookie.name, flow.cookie.value);
  const page = await browser.follow(`${sp.url}/login/${connection}`);
  flow.end();
  return { browser, page, me: await browser.me(sp.url) };
}

const reason = (body: string) => /data-reason="([^"]+)"/.exec(body)?.[1];

describe('demo SP with the harness SAML IdP (default configuration)', () => {
  it('logs alice in through the generic SAML connection, admin through her group', async () => {
    const { me } = await login('saml', 'demo-saml', 'alice');
    expect(me).toEqual({
      status: 200,
      user: {
        email: 'alice@example.com',
        nameId: 'alice@example.com',
        externalId: 'A-1001',
        roles: ['admin'],
        connection: 'saml',
        org: 'production',
      },
    });
  });

  it('maps the sandbox connection to the +sandbox account of the sandbox org', async () => {
    const { me } = await login('sandbox', 'demo-sandbox-saml', 'alice');
    expect(me.user).toMatchObject({
      email: 'alice+sandbox@example.com',
      org: 'sandbox',
      connection: 'sandbox',
    });
  });

  it('logs dave in through ADFS by an external ID that is not his email', async () => {
    const { me } = await login('adfs', 'demo-adfs', 'dave');
    expect(me.user).toMatchObject({
      email: 'dave@example.com',
      nameId: 'E-2001',
      externalId: 'E-2001',
      roles: ['admin'],
    });
  });

  it('provisions nina just in time through Okta, with the role of her group', async () => {
    const { me } = await login('okta', 'demo-okta-saml', 'nina');
    expect(me.user).toMatchObject({ email: 'nina@partner.example', roles: ['editor'], connection: 'okta' });
  });

  it.each([
    ['entra-staff', 'demo-entra-staff', 'erin', { email: 'erin@example.com', roles: ['admin'] }],
    [
      'entra-contractors',
      'demo-entra-contractors',
      'frank',
      { email: 'frank@contractors.example', roles: ['contractor'] },
    ],
    ['google', 'demo-google', 'grace', { email: 'grace@example.org', roles: ['member'] }],
    ['auth0', 'demo-auth0', 'heidi', { email: 'heidi@example.net', externalId: 'H-77', roles: ['editor'] }],
  ])(
    'logs in through the OIDC connection %s (harness %s) as %s',
    async (connection, provider, user, expected) => {
      const { me } = await login(connection, provider, user);
      expect(me.status).toBe(200);
      expect(me.user).toMatchObject({ ...expected, connection });
    },
  );

  it.each([
    ['entra-contractors', 'demo-entra-contractors', 'erin', 'email-domain'],
    ['legacy', 'demo-legacy-saml', 'ivan', 'disabled-connection'],
    ['saml', 'demo-saml', 'mallory', 'jit'],
    ['okta', 'demo-okta-saml', 'alice', 'email-domain'],
    ['adfs', 'demo-adfs', 'bob', 'connection-binding'],
    ['saml', 'demo-saml', 'root', 'connection-binding'],
  ])('refuses a login through %s (%s as %s): %s', async (connection, provider, user, expected) => {
    const { page, me } = await login(connection, provider, user);
    expect(reason(page.body)).toBe(expected);
    expect(me.status).toBe(401);
  });

  it('accepts IdP-initiated login only where the connection allows it', async () => {
    for (const [provider, expected] of [
      ['demo-okta-saml', undefined],
      ['demo-saml', 'unsolicited'],
    ] as const) {
      const browser = new TestBrowser();
      const flow = harness.flow({ provider, user: provider === 'demo-okta-saml' ? 'olivia' : 'alice' });
      browser.cookies.set(flow.cookie.name, flow.cookie.value);
      const page = await browser.follow(`${harness.url}/saml/${provider}/idp-init?sp=demo-sp`);
      flow.end();
      expect(reason(page.body)).toBe(expected);
      expect((await browser.me(sp.url)).status).toBe(expected ? 401 : 200);
    }
  });

  it('logs out through OIDC RP-initiated logout', async () => {
    const { browser, me } = await login('google', 'demo-google', 'grace');
    expect(me.status).toBe(200);
    await browser.follow(`${sp.url}/logout`);
    expect((await browser.me(sp.url)).status).toBe(401);
  });

  it('logs out locally and through SAML single logout', async () => {
    const { browser, me } = await login('saml', 'demo-saml', 'bob');
    expect(me.status).toBe(200);
    const page = await browser.follow(`${sp.url}/logout`);
    expect(page.url).toBe(`${sp.url}/logged-out`);
    expect((await browser.me(sp.url)).status).toBe(401);
  });
});
