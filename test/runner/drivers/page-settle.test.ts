import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { driverChromiumArgs, findChromium } from '../../../runner/drivers/find-chromium.ts';
import { PageActivity } from '../../../runner/drivers/page-settle.ts';

// Pages that keep moving after their load event, each in a way a real SP's pages do.
const pages: Record<string, string> = {
  // A script's redirect on a timer.
  '/timer': '<p>wait</p><script>setTimeout(() => { location.href = "/after-fetch"; }, 30)</script>',
  // A background request slower than the quiet window, then a redirect (a replay's extra posts).
  '/after-fetch':
    '<p>loading</p><script>fetch("/slow").then(() => { document.forms[0].submit(); })</script><form method="post" action="/meta"></form>',
  // A meta refresh.
  '/meta': '<meta http-equiv="refresh" content="0;url=/end"><p>moving</p>',
  '/end': '<p>settled</p>',
};

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    req.resume();
    if (path === '/slow') {
      setTimeout(() => res.end('ok'), 300);
      return;
    }
    const body = pages[path];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChromium(), args: driverChromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

it('settles only once timers, background requests, form posts and meta refreshes have stopped', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const activity = new PageActivity(page);
    await page.goto(`${base}/timer`, { waitUntil: 'load' });
    await activity.settle(new AbortController().signal);
    expect(page.url()).toBe(`${base}/end`);
    expect(await page.textContent('p')).toBe('settled');
    // Four documents committed: the timer page, the fetching page, the form post, the refresh.
    expect(activity.commits).toBe(4);
  } finally {
    await context.close();
  }
});

it('stops waiting when told to', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const activity = new PageActivity(page);
    await page.goto(`${base}/timer`, { waitUntil: 'load' });
    await activity.settle(new AbortController().signal, () => true);
    expect(page.url()).toBe(`${base}/timer`);
  } finally {
    await context.close();
  }
});
