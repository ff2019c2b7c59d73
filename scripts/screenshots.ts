/**
 * `npm run screenshots`: builds the UI, starts the harness with the demo SP, walks through
 * every view in headless Chromium at 1280x800 and writes docs/screenshots/<view>.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startUiEnvironment } from '../test/ui/support/environment.ts';
import { compareScreenshots } from './screenshots/compare.ts';
import { explainScreenshots } from './screenshots/explain.ts';
import { reportScreenshot } from './screenshots/report.ts';
import { reproductionScreenshots } from './screenshots/reproduction.ts';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(1);

const env = await startUiEnvironment();
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
};

try {
  const page = await env.open('/providers');
  await page.getByRole('heading', { name: 'Acme SSO (SAML)' }).waitFor();
  await shot(page, 'providers');

  await page.goto('/provisioning');
  const okta = page.locator('provisioning-view section', { hasText: 'Partner Okta (SAML)' });
  await okta.getByRole('button', { name: 'Push', exact: true }).first().click();
  await okta.getByText('active', { exact: true }).first().waitFor();
  await okta.getByRole('button', { name: 'Push group' }).first().click();
  await okta.getByRole('button', { name: 'Deactivate' }).first().click();
  await okta.getByText('inactive', { exact: true }).first().waitFor();
  await okta.locator('details.quirks summary').click();
  await okta.locator('ol.exchanges summary').first().click();
  await page.waitForTimeout(250);
  // The whole provider card: users with their state and buttons, then the decoded exchanges.
  await okta.screenshot({ path: join(out, 'provisioning.png') });
  console.log('docs/screenshots/provisioning.png');

  await page.goto('/targets');
  await page.getByRole('button', { name: '+ Add a target' }).click();
  await page.getByLabel('Metadata URL').fill(`${env.sp.url}/saml/okta/metadata`);
  await page.getByLabel('The SAML provider it trusts').selectOption('demo-okta-saml');
  await page.getByLabel('Target id').fill('okta-staging');
  await page.getByLabel('Display name').fill('Acme app, Okta connection (staging)');
  await page.getByLabel('Login URL').fill(`${env.sp.url}/login/okta`);
  await page.getByLabel('Probe URL').fill(`${env.sp.url}/me`);
  await shot(page, 'targets-import');
  await page.getByRole('button', { name: 'Import and save' }).click();
  const card = page.locator('section[data-target="okta-staging"]');
  await card.getByRole('button', { name: /Validate login URL/ }).click();
  await card.getByText('✓ reaches the IdP').waitFor();
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -16));
  await shot(page, 'targets');

  // A run calibrates its target: the target page then shows what session and no session look like.
  await fetch(`${env.url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ target: 'demo-sp', scenarios: ['saml.baseline.sp-initiated'] }),
  });
  for (let i = 0; i < 100; i++) {
    const targets = (await (await fetch(`${env.url}/api/targets`)).json()) as {
      id: string;
      calibration?: unknown;
    }[];
    if (targets.some((t) => t.id === 'demo-sp' && t.calibration)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await page.goto('/targets');
  const demo = page.locator('section[data-target="demo-sp"]');
  await demo.locator('[data-calibration="ok"]').waitFor({ timeout: 20_000 });
  await demo.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -16));
  await shot(page, 'targets-calibration');

  await page.goto('/scenarios');
  await page.getByLabel('Protocol').selectOption('saml');
  const example = page.locator('scenarios-view details', { hasText: 'saml.audience.wrong' });
  await ((await example.count()) ? example : page.locator('scenarios-view details').nth(1))
    .locator('summary')
    .click();
  await shot(page, 'scenarios');

  // The registry's own audience fault when it has one, else the UI tests' stand-in.
  const faults = (await (await fetch(`${env.url}/api/faults`)).json()) as Array<{ name: string }>;
  const real = faults.some((f) => f.name === 'saml.audience');
  await page.goto('/compose');
  await page.getByLabel('Title').fill('ACME ticket 4211: assertion for another SP');
  await page
    .getByLabel('Why', { exact: false })
    .fill('Users of ACME land on a 500 page after login; the IdP was sending the staging audience.');
  await page.getByLabel('Add a fault').selectOption(real ? 'saml.audience' : 'ui-test.saml.audience');
  await page.getByRole('button', { name: '+ Add' }).click();
  await page
    .locator('fault-form textarea, fault-form input[type="text"]')
    .first()
    .fill('https://staging.acme.example');
  await page.getByRole('button', { name: 'Save as reproduction' }).click();
  await page.getByText('✓ Saved').waitFor();
  await shot(page, 'compose');
  await page.getByLabel('Driver').selectOption('browser');
  await page.getByRole('button', { name: /Run it/ }).click();
  await page.locator('run-monitor').getByText('1 of 1 done').waitFor();
  await page.locator('run-monitor li a').first().click();
  const browserShot = page.getByRole('heading', { name: 'Browser at the end' });
  await browserShot.waitFor();
  await browserShot.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -24));
  await shot(page, 'result-browser');

  await page.goto('/run');
  await page.getByLabel(/^All \(/).check();
  await shot(page, 'run');
  await page.getByRole('button', { name: /Start run/ }).click();
  const progress = page.getByRole('progressbar');
  await progress.waitFor();
  await page.waitForFunction(
    () => {
      const bar = document
        .querySelector('sso-app')
        ?.shadowRoot?.querySelector('run-monitor')
        ?.shadowRoot?.querySelector('[role="progressbar"]');
      const max = bar?.getAttribute('aria-valuemax');
      return Boolean(max && max !== '0' && bar?.getAttribute('aria-valuenow') === max);
    },
    undefined,
    { timeout: 120_000 },
  );
  await page.getByRole('heading', { name: 'Finished' }).waitFor();
  await shot(page, 'run-progress');

  await page.getByRole('button', { name: /^fail \(/ }).click();
  await page.locator('run-monitor li a').first().click();
  await page.locator('.message[data-kind="Response"] .line.add').first().waitFor();
  await shot(page, 'result');
  await page
    .locator('.message[data-kind="Response"]')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -16));
  await shot(page, 'result-diff');

  await page.goto('/trace');
  const row = page.getByRole('listitem').filter({ hasText: 'Response' }).first();
  await row.getByRole('button').click();
  await shot(page, 'trace');

  await page.goto('/history');
  await page
    .getByRole('link')
    .filter({ hasText: /^\d{4}-/ })
    .first()
    .waitFor();
  await shot(page, 'history');

  const phone = await env.open('/run', { width: 390, height: 844 });
  await phone.getByRole('button', { name: /Start run/ }).waitFor();
  await shot(phone, 'run-phone');

  await explainScreenshots(env, shot);
  await compareScreenshots(env, shot);
  await reportScreenshot(out);
} finally {
  await env.close();
}

// Reproductions against the strict demo SP, which refuses them as the customer's SP did.
const strict = await startUiEnvironment({ lax: [] });
try {
  await reproductionScreenshots(strict, shot);
} finally {
  await strict.close();
}
