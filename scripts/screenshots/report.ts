/**
 * The HTML report of a run of the demo SP (a clean SAML login and an audience for another
 * SP, browser driver, a screenshot of every result), opened at the audience result: its
 * fault parameters, what the fault changed, the SP's answers. Part of `npm run screenshots`;
 * `node scripts/screenshots/report.ts` takes only this one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createBrowserDriver } from '../../runner/drivers/browser.ts';
import { chromiumArgs, findChromium } from '../../runner/drivers/find-chromium.ts';
import { renderHtmlReport } from '../../runner/reporters/html.ts';
import { catalog } from '../../scenarios/index.ts';
import { startDemo } from '../../test/support/demo.ts';
import { tempDir } from '../../test/support/idp.ts';

export async function reportScreenshot(out: string): Promise<void> {
  const demo = await startDemo();
  const driver = await createBrowserDriver();
  try {
    const wanted = ['saml.baseline.sp-initiated', 'saml.audience.wrong'];
    const record = await demo.run(
      catalog().filter((s) => wanted.includes(s.id)),
      { driver, workers: 1, screenshots: 'all' },
    );
    const file = join(tempDir(), 'report.html');
    writeFileSync(file, renderHtmlReport(record));
    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
      await page.goto(`file://${file}`);
      const section = page.locator('details[id^="r-saml-audience-wrong"]');
      await section.evaluate((d) => {
        (d as HTMLDetailsElement).open = true;
        d.scrollIntoView({ block: 'start' });
      });
      await page.screenshot({ path: join(out, 'report.png') });
      console.log('docs/screenshots/report.png');
    } finally {
      await browser.close();
    }
  } finally {
    await driver.close();
    await demo.close();
  }
}

if (import.meta.main) {
  await reportScreenshot(join(new URL('../..', import.meta.url).pathname, 'docs', 'screenshots'));
}
