import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogin } from '../explain/support.ts';
import { startUiEnvironment, type UiEnvironment } from './support/environment.ts';

/** The Explain view in headless Chromium against the harness and the strict demo SP. */
let env: UiEnvironment;
let har: string;

beforeAll(async () => {
  env = await startUiEnvironment({ lax: [] });
  har = await captureLogin({ harness: env.harness, target: env.harness.config.targets['demo-sp']! }, 'saml', [
    { fault: 'saml.audience', params: { audiences: ['https://staging.acme.example'] } },
  ]);
});
afterAll(() => env?.close());

describe('Explain', () => {
  it('explains a pasted HAR against a target: the problem, the values, the fix; then reproduces it', async () => {
    const page = await env.open('/explain');
    await page.getByLabel('Captured message').fill(har);
    await page.getByLabel('Connection').selectOption('saml');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const problem = page.locator('check-list li.problem[data-check="saml.audience"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('https://staging.acme.example');
    expect(await problem.textContent()).toContain('Fix on the IdP side');
    await page.getByTestId('explain-totals').getByText('✗ 1 problem').waitFor();
    expect(await page.locator('check-list li.ok').count()).toBe(0);
    await page.getByLabel('Show ok checks').check();
    expect(await page.locator('check-list li.ok').count()).toBeGreaterThan(20);

    await page.getByRole('button', { name: /Reproduce/ }).click();
    await page.getByText('✓ Reproduced').waitFor({ timeout: 30_000 });
    const monitor = page.locator('run-monitor');
    await monitor.getByText('1 of 1 done').waitFor();
    await monitor.getByText('✓ 1 reproduced').waitFor();
    expect(await monitor.getByTestId('totals').textContent()).not.toMatch(/pass|fail/);
    await monitor.locator('li a').click();
    expect(await page.locator('result-view .head verdict-mark .v').textContent()).toBe('✓reproduced');
    await page.context().close();
  });

  it('"Okta login fails with invalid audience": from a pasted capture to a reproduced result in 3 clicks', async () => {
    const okta = await captureLogin(
      { harness: env.harness, target: env.harness.config.targets['demo-sp']! },
      'okta',
      [{ fault: 'saml.audience', params: { audiences: ['https://staging.acme.example'] } }],
    );
    const page = await env.open('/');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
    // The support engineer has the customer's capture on the clipboard.
    await page.evaluate((text) => navigator.clipboard.writeText(text), okta);
    let clicks = 0;
    const click = async (target: ReturnType<typeof page.locator>) => {
      clicks++;
      await target.click();
    };
    await click(page.getByRole('link', { name: 'Explain' }));
    await click(page.getByLabel('Captured message'));
    await page.keyboard.press('ControlOrMeta+V');
    // Explained as pasted, against the connection the message came through.
    const problem = page.locator('check-list li.problem[data-check="saml.audience"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('https://staging.acme.example');
    await page
      .locator('explain-view')
      .getByText(/SP: target demo-sp, connection okta/)
      .waitFor();
    await click(page.getByRole('button', { name: /Reproduce/ }));
    await page.getByText('✓ Reproduced').waitFor({ timeout: 30_000 });
    const monitor = page.locator('run-monitor');
    await monitor.getByText('✓ 1 reproduced').waitFor();
    expect(await monitor.locator('li .observed').textContent()).toContain('@ demo-sp');
    expect(clicks).toBe(3);
    // The replay went through the Okta connection, as the customer's login did.
    const runs = (await (await fetch(`${env.url}/api/runs`)).json()) as Array<{ id: string }>;
    const record = (await (await fetch(`${env.url}/api/runs/${runs[0]!.id}`)).json()) as {
      results: Array<{ connection: string; reproduction: { outcome: string } }>;
    };
    expect(record.results[0]).toMatchObject({ connection: 'okta', reproduction: { outcome: 'reproduced' } });
    await page.context().close();
  });

  it('takes a dropped file, and says what is wrong with input it cannot read', async () => {
    const page = await env.open('/explain');
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'ticket.har', { type: 'application/json' }));
      return data;
    }, har);
    await page.locator('explain-view section.drop').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByText('ticket.har').waitFor();
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.locator('check-list li.problem[data-check="saml.audience"]').waitFor();

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Captured message').fill('SAMLResponse=PHNhbWxw!!!');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.getByRole('alert').getByText('This could not be explained').waitFor();
    await page.locator('check-list li.problem[data-check="input.base64"]').waitFor();
    await page.context().close();
  });

  it('fits a phone-sized screen, results included', async () => {
    const page = await env.open('/explain', { width: 390, height: 844 });
    await page.getByLabel('Captured message').fill(har);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.locator('check-list li.problem').first().waitFor();
    await page.getByLabel('Show ok checks').check();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
