import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../runner/drivers/find-chromium.ts';
import { uiDir } from '../../../runner/serve-command.ts';
import { ensureUiBuilt } from './environment.ts';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** A canned API answer: JSON, or an event stream given as its events. */
export type StubAnswer =
  | unknown
  | { status: number; json: unknown }
  | { events: Array<{ event: string; data: unknown }> };

export interface ComponentPage {
  page: Page;
  url: string;
  /**
   * Answers API paths (after /api, query included, e.g. `/runs` or `/trace`) with canned
   * answers; anything else gets a 503. Requests are recorded in `requests`.
   */
  stubApi(answers: Record<string, StubAnswer>): Promise<void>;
  requests: Array<{ method: string; path: string; body: unknown }>;
  /** Opens a UI path inside the app shell (which provides the API client). */
  open(path: string): Promise<void>;
  /** Replaces the page's body with `html` (custom elements of the built UI) and waits for Lit to render. */
  mount(html: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A page with the built UI's components registered and nothing else: the app shell is
 * removed, so one component can be rendered alone and looked at. No harness is needed.
 */
export async function componentPage(): Promise<ComponentPage> {
  ensureUiBuilt();
  const server: Server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname);
    // UI paths (/history, /runs/x) get the app, as the harness serves it.
    const file = join(uiDir, path.startsWith('/assets/') ? path : 'index.html');
    try {
      const body = await readFile(file);
      response
        .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const browser: Browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
  });
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  // Fail in seconds, with the locator named, rather than at the test's timeout.
  page.setDefaultTimeout(5000);
  // The API is not there: answer every call with an error so the shell stays quiet.
  await page.route('**/api/**', (route) => route.fulfill({ status: 503, body: '{}' }));
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('sso-app') !== undefined);
  const requests: ComponentPage['requests'] = [];
  return {
    page,
    url,
    requests,
    async stubApi(answers) {
      requests.length = 0;
      await page.unroute('**/api/**');
      await page.route('**/api/**', (route) => {
        const request = route.request();
        const full = new URL(request.url());
        const path = full.pathname.slice(4) + full.search;
        const body = request.postData();
        requests.push({ method: request.method(), path, body: body ? JSON.parse(body) : undefined });
        const answer =
          answers[`${request.method()} ${full.pathname.slice(4)}`] ??
          answers[full.pathname.slice(4)] ??
          answers[path];
        if (answer === undefined) return route.fulfill({ status: 503, body: '{}' });
        if (answer && typeof answer === 'object' && 'events' in answer) {
          const events = (answer as { events: Array<{ event: string; data: unknown }> }).events;
          return route.fulfill({
            status: 200,
            contentType: 'text/event-stream',
            body: events.map((e) => `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join(''),
          });
        }
        if (answer && typeof answer === 'object' && 'status' in answer && 'json' in answer) {
          const { status, json } = answer as { status: number; json: unknown };
          return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(json) });
        }
        return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
      });
    },
    async open(path) {
      await page.goto(new URL(path, url).href);
      await page.locator('sso-app main').waitFor();
    },
    async mount(html) {
      await page.evaluate(async (markup) => {
        document.body.innerHTML = markup;
        for (const element of Array.from(document.body.querySelectorAll('*'))) {
          await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
        }
      }, html);
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let shared: Promise<ComponentPage> | undefined;

/** One component page for every component test of the process (one browser, started once). */
export function sharedComponentPage(): Promise<ComponentPage> {
  shared ??= componentPage();
  return shared;
}

export async function closeSharedComponentPage(): Promise<void> {
  const page = shared;
  shared = undefined;
  if (page) await (await page).close();
}
