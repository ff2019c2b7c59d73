/**
 * The History view comparing two runs of the smoke suite: before and after the demo SP
 * stopped checking audiences. Part of `npm run screenshots`; `node scripts/screenshots/compare.ts`
 * takes only this one.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { twoSmokeRuns } from '../../test/ui/support/compare.ts';
import { startUiEnvironment, type UiEnvironment } from '../../test/ui/support/environment.ts';

export async function compareScreenshots(
  env: UiEnvironment,
  shot: (page: Page, name: string) => Promise<void>,
): Promise<void> {
  const runs = await twoSmokeRuns(env);
  const page = await env.open('/history');
  await page.getByLabel(`Compare run ${runs.now}`).check();
  await page.getByLabel(`Compare run ${runs.earlier}`).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.locator('run-compare article').first().waitFor();
  await shot(page, 'compare');
  await page.context().close();
}

if (import.meta.main) {
  const out = join(new URL('../..', import.meta.url).pathname, 'docs', 'screenshots');
  const env = await startUiEnvironment();
  try {
    await compareScreenshots(env, async (page, name) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(out, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
    });
  } finally {
    await env.close();
  }
}
