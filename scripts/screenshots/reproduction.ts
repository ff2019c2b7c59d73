/**
 * Reproductions read reproduced / not reproduced: Compose's run of "Okta login fails with
 * invalid audience" against the strict demo SP (its run monitor), the Result page of that
 * reproduction, and the history listing it. Part of `npm run screenshots`;
 * `node scripts/screenshots/reproduction.ts` takes only these.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startUiEnvironment, type UiEnvironment } from '../../test/ui/support/environment.ts';

export async function reproductionScreenshots(
  env: UiEnvironment,
  shot: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  const faults = (await (await fetch(`${env.url}/api/faults`)).json()) as Array<{ name: string }>;
  const fault = faults.some((f) => f.name === 'saml.audience') ? 'saml.audience' : 'ui-test.saml.audience';
  const page = await env.open('/compose');
  await page.getByLabel('Title').fill('ACME ticket 4211: Okta login fails with invalid audience');
  await page.getByLabel('Add a fault').selectOption(fault);
  await page.getByRole('button', { name: '+ Add' }).click();
  await page.getByRole('button', { name: /Run it/ }).click();
  const monitor = page.locator('run-monitor');
  await monitor.getByText('1 of 1 done').waitFor({ timeout: 30_000 });
  await monitor.getByText(/✓ 1 reproduced|✗ 1 not reproduced/).waitFor();
  await page
    .getByRole('heading', { name: 'Run and keep' })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'compose-reproduced');
  await monitor.locator('li a').first().click();
  await page.locator('result-view .verdict-box').waitFor();
  await shot(page, 'result-reproduction');
  await page.goto('/history');
  await page
    .getByText(/reproduced/)
    .first()
    .waitFor();
  await shot(page, 'history-reproduction');
  await page.context().close();
}

if (import.meta.main) {
  const out = join(new URL('../..', import.meta.url).pathname, 'docs', 'screenshots');
  const env = await startUiEnvironment({ lax: [] });
  try {
    await reproductionScreenshots(env, async (page, name) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(out, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    });
  } finally {
    await env.close();
  }
}
