import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinConfig } from '../../config/builtin.ts';
import { createDemoSp, type DemoSp } from '../../examples/demo-sp/index.ts';
import { listen } from '../../lib/http-server.ts';
import { expect, test as harnessTest } from '../../playwright.ts';

/**
 * The bundled demo SP as the app under test: its port is bound first, the harness config
 * is made for it, then the SP starts trusting the worker's harness.
 */
const test = harnessTest.extend<object, { spServer: Server; sp: DemoSp }>({
  spServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = createServer();
      await listen(server, 0, '127.0.0.1');
      await use(server);
    },
    { scope: 'worker' },
  ],
  harnessOptions: [
    async ({ spServer }, use, workerInfo) => {
      const { port } = spServer.address() as AddressInfo;
      const { demoSp: _startedHere, ...target } = builtinConfig(`http://127.0.0.1:${port}`).targets![
        'demo-sp'
      ]!;
      await use({
        config: {
          ...builtinConfig(`http://127.0.0.1:${port}`),
          targets: { 'demo-sp': target },
          stateDir: workerInfo.project.outputDir,
        },
      });
    },
    { scope: 'worker' },
  ],
  sp: [
    async ({ harness, spServer }, use) => {
      const sp = await createDemoSp({ harnessUrl: harness.url, server: spServer });
      await use(sp);
      await sp.close();
    },
    { scope: 'worker' },
  ],
});

test('a flow logs its user in through the SP, and its trace is decoded', async ({ page, flow, sp }) => {
  const login = await flow({ provider: 'demo-saml', user: 'alice' });
  await page.goto(`${sp.url}/login/saml`);
  await expect(page.getByText('alice@example.com').first()).toBeVisible();
  const response = login.trace().find((m) => m.direction === 'out' && m.kind === 'Response');
  expect(response?.decoded).toContain('alice@example.com');
});

test('a flow with a fault: the SP refuses an assertion for another audience', async ({ page, flow, sp }) => {
  const login = await flow({
    provider: 'demo-saml',
    user: 'alice',
    faults: [{ fault: 'saml.audience', params: { audiences: ['https://other.example'] } }],
  });
  await page.goto(`${sp.url}/login/saml`);
  const me = await page.request.get(`${sp.url}/me`);
  expect(me.status()).not.toBe(200);
  expect(login.trace().find((m) => m.kind === 'Response')?.decoded).toContain('https://other.example');
});

test('without a flow, the login page: a person picks the user', async ({ page, sp, harness }) => {
  await page.goto(`${sp.url}/login/google`);
  // No flow and nobody auto in this config: the IdP's login page.
  await expect(page.getByRole('heading', { name: /Sign in to/ })).toBeVisible();
  await page.getByLabel(/grace@example\.org/).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('grace@example.org').first()).toBeVisible();
  expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
