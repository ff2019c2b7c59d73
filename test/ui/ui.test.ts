import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiEnvironment, type UiEnvironment } from './support/environment.ts';

/** The UI in a real headless Chromium, against the harness (API and built UI) and the demo SP. */
let env: UiEnvironment;

beforeAll(async () => {
  env = await startUiEnvironment();
});
afterAll(() => env?.close());

describe('Providers', () => {
  it('shows every provider with its certificate validity, and downloads its metadata', async () => {
    const page = await env.open('/providers');
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Acme SSO (SAML)' }) });
    await expect
      .poll(() =>
        card
          .getByText(/expires in [\d,]+ days/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('link', { name: /Download metadata/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('demo-saml-metadata.xml');
    const xml = await readFile((await download.path())!, 'utf8');
    expect(xml).toContain(`entityID="${env.url}/saml/demo-saml"`);
    await page.context().close();
  });

  it('fits a phone-sized screen without sideways scrolling, on every page', async () => {
    const page = await env.open('/providers', { width: 390, height: 844 });
    for (const path of ['/providers', '/targets', '/scenarios', '/compose', '/run', '/trace', '/history']) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await expect.poll(() => page.getByText(/^Loading .*…$/).count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});

describe('Targets', () => {
  it('imports a target from SP metadata by URL, then validates its login URL', async () => {
    const page = await env.open('/targets');
    await page.getByRole('button', { name: '+ Add a target' }).click();
    await page.getByLabel('Metadata URL').fill(`${env.sp.url}/saml/okta/metadata`);
    await page.getByLabel('The SAML provider it trusts').selectOption('demo-okta-saml');
    await page.getByLabel('Target id').fill('okta-import');
    await page.getByLabel('Login URL').fill(`${env.sp.url}/login/okta`);
    await page.getByLabel('Probe URL').fill(`${env.sp.url}/me`);
    await page.getByRole('button', { name: 'Import and save' }).click();
    const card = page.locator('section[data-target="okta-import"]');
    await card.getByText('saved here').waitFor();
    await card.getByRole('button', { name: /Validate login URL/ }).click();
    await card.getByText('✓ reaches the IdP').waitFor();
    await expect
      .poll(() =>
        card.locator('code-view').getByText('AssertionConsumerServiceURL', { exact: false }).count(),
      )
      .toBeGreaterThan(0);
    await page.context().close();
  });

  it('says what is wrong with pasted metadata, where it was pasted', async () => {
    const page = await env.open('/targets');
    await page.getByRole('button', { name: '+ Add a target' }).click();
    await page.getByLabel('Paste XML').check();
    await page.getByLabel('Metadata XML').fill('<html>this is a login page</html>');
    await page.getByLabel('Login URL').fill(`${env.sp.url}/login/okta`);
    await page.getByLabel('Probe URL').fill(`${env.sp.url}/me`);
    await page.getByRole('button', { name: 'Import and save' }).click();
    const alert = page.locator('target-form').getByRole('alert');
    await alert.getByText(/not SAML metadata/).waitFor();
    expect(await alert.textContent()).toContain('SPSSODescriptor');
    await page.context().close();
  });
});

describe('Run and Result', () => {
  it('runs a suite, shows progress up to the totals, and opens a failed result with the fault highlighted', async () => {
    const page = await env.open('/run');
    await page.getByLabel('Suite', { exact: true }).selectOption('smoke');
    await page.getByRole('button', { name: /Start run/ }).click();
    await page.waitForURL(/\/runs\/[^/]+$/);
    await page.getByText('2 of 2 done').waitFor();
    const totals = page.getByTestId('totals');
    await totals.getByText('✓ 1 pass').waitFor();
    await totals.getByText('✗ 1 fail').waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');

    await page.getByRole('link', { name: 'An assertion for another SP is refused' }).click();
    await page.getByRole('heading', { name: 'An assertion for another SP is refused' }).waitFor();
    const response = page.locator('.message[data-kind="Response"] code-view').first();
    const added = response.locator('.line.add');
    await added.first().waitFor();
    expect(await added.allTextContents()).toEqual([
      expect.stringContaining('<saml:Audience>https://other-sp.example</saml:Audience>'),
    ]);
    expect(await response.locator('.line.del').first().textContent()).toContain(`${env.sp.url}/saml/saml`);
    await page.getByRole('button', { name: 'Copy as cURL' }).first().waitFor();

    // A result's address works on its own (reload, shared link), dots and all, and on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { name: 'An assertion for another SP is refused' }).waitFor();
    await page.locator('.line.add').first().waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe('Compose', () => {
  it('composes a scenario from the registry, runs it, exports it and imports it again', async () => {
    const page = await env.open('/compose');
    await page.getByLabel('Title').fill('ACME: assertion for another SP');
    await page.getByLabel('Add a fault').selectOption('ui-test.saml.audience');
    await page.getByRole('button', { name: '+ Add' }).click();
    await page
      .locator('fault-form')
      .getByLabel('Audience', { exact: true })
      .fill('https://acme-other.example');
    await page.getByRole('button', { name: /Run it/ }).click();
    const monitor = page.locator('run-monitor');
    await monitor.getByText('1 of 1 done').waitFor();
    // A reproduction reads reproduced / not reproduced: this SP let the defect through.
    await monitor.getByText('✗ 1 not reproduced').waitFor();
    expect(await monitor.getByTestId('totals').textContent()).not.toMatch(/pass|fail/);
    expect(await monitor.locator('li verdict-mark .v').textContent()).toBe('✗not reproduced');

    await page.getByRole('button', { name: 'Save as reproduction' }).click();
    await page.getByText('✓ Saved as "ACME: assertion for another SP"').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '⇩ Export JSON' }).click(),
    ]);
    const file = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(file).reproduction.scenario.faults).toEqual([
      { fault: 'ui-test.saml.audience', params: { audience: 'https://acme-other.example' } },
    ]);

    await page.getByLabel('Title').fill('something else');
    await page
      .getByLabel('Import a reproduction file')
      .setInputFiles({ name: 'repro.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByText('✓ Imported "ACME: assertion for another SP"').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('ACME: assertion for another SP');
    expect(await page.locator('fault-form input').first().inputValue()).toBe('https://acme-other.example');
    await page.context().close();
  });
});

describe('Keyboard', () => {
  it('skips to the page, reaches the navigation with Tab, and opens a page with Enter', async () => {
    const page = await env.open('/providers');
    await page.getByRole('heading', { name: 'Providers' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.textContent?.trim() ?? '';
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to the page');
    await page.keyboard.press('Enter');
    expect(
      await page.evaluate(() => document.querySelector('sso-app')?.shadowRoot?.activeElement?.tagName),
    ).toBe('MAIN');
    await page.reload();
    await page.getByRole('heading', { name: 'Providers' }).waitFor();
    for (let i = 0; i < 12 && !(await focused()).endsWith('Trace'); i++) await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/Trace$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/trace$/);
    await page.getByRole('heading', { name: 'Trace' }).waitFor();
    await page.context().close();
  });
});

describe('Trace', () => {
  it('shows a login live as it passes through the IdP', async () => {
    const page = await env.open('/trace');
    await page.getByText('live', { exact: true }).waitFor();
    await fetch(`${env.sp.url}/login/adfs`, { redirect: 'follow' });
    const row = page.getByRole('listitem').filter({ hasText: 'demo-adfs' }).first();
    await row.waitFor();
    await row.getByRole('button').click();
    await row.locator('code-view').first().getByText('AuthnRequest', { exact: false }).first().waitFor();
    await page.context().close();
  });
});
