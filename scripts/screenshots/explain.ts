/**
 * The Explain view's screenshots: a HAR of a failed login at the demo SP's Okta
 * connection pasted in and explained against the target, then replayed with Reproduce.
 * Part of `npm run screenshots`; `node scripts/screenshots/explain.ts` takes only these.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { captureLogin } from '../../test/explain/support.ts';
import { startUiEnvironment, type UiEnvironment } from '../../test/ui/support/environment.ts';

export async function explainScreenshots(
  env: UiEnvironment,
  shot: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  const har = await captureLogin(
    { harness: env.harness, target: env.harness.config.targets['demo-sp']! },
    'okta',
    [{ fault: 'saml.recipient', params: { value: 'https://staging.acme.example/saml/acs' } }],
  );
  const file = join(env.stateDir, 'acme-ticket-4211.har');
  writeFileSync(file, har);
  const page = await env.open('/explain');
  await page.getByLabel('Open a capture file').setInputFiles(file);
  await page.getByLabel('Connection').selectOption('okta');
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  const problem = page.locator('check-list li.problem').first();
  await problem.waitFor();
  await problem.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'explain');
  await page.getByRole('button', { name: /Reproduce/ }).click();
  await page.getByText('✓ Reproduced').waitFor({ timeout: 30_000 });
  await page.locator('section.reproduce').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(page, 'explain-reproduce');
  await page.context().close();
}

if (import.meta.main) {
  const out = join(new URL('../..', import.meta.url).pathname, 'docs', 'screenshots');
  const env = await startUiEnvironment();
  try {
    await explainScreenshots(env, async (page, name) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(out, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    });
  } finally {
    await env.close();
  }
}
