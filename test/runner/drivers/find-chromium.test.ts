import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  driverChromiumArgs,
  findChromium,
  playwrightDisabledFeatures,
} from '../../../runner/drivers/find-chromium.ts';

it("keeps Playwright's disabled features and opens no browser UI per context", async () => {
  const server = await chromium.launchServer({ executablePath: findChromium(), args: driverChromiumArgs });
  try {
    const argv = readFileSync(`/proc/${server.process().pid}/cmdline`, 'utf8').split('\0');
    const lists = argv
      .filter((arg) => arg.startsWith('--disable-features='))
      .map((arg) => arg.slice('--disable-features='.length).split(','));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    // Chromium reads the last one only: it must hold all of Playwright's (the first).
    expect(lists.at(-1)).toEqual(expect.arrayContaining(lists[0]!));
    expect(playwrightDisabledFeatures).toEqual(lists[0]);

    const browser = await chromium.connect(server.wsEndpoint());
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('data:text/html,<p>hello');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string }[];
    };
    expect(targetInfos.filter((t) => t.type !== 'page' && t.type !== 'tab').map((t) => t.url)).toEqual([]);
    await browser.close();
  } finally {
    await server.close();
  }
});
