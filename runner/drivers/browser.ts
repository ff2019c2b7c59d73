import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page, Request, Response, Route } from 'playwright-core';
import type { HttpStep } from '../types.ts';
import { driverChromiumArgs, findChromium } from './find-chromium.ts';
import { PageActivity } from './page-settle.ts';
import { isPotentiallyTrustworthy } from './site.ts';
import { bodyText, cookieNames, spAnswer } from './sp-answer.ts';
import type { Delivery, Driver, DriverSession, ProbeResponse } from './types.ts';

const EXCERPT = 4096;
/** What a new tab holds before anything commits in it: its URL and `page.content()`. */
const EMPTY_TAB = { url: 'about:blank', body: '<html><head></head><body></body></html>' };

/** A real headless Chromium: one browser per run, a new context (cookie jar) per flow. */
export interface BrowserDriverOptions {
  headless?: boolean;
  /** Record a Playwright trace per flow; results that fail or error keep theirs here. */
  traceDir?: string | undefined;
}

export async function createBrowserDriver(options: BrowserDriverOptions = {}): Promise<Driver> {
  // Loaded on first use: most runs never start a browser, and the module is large.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: options.headless ?? true,
    args: driverChromiumArgs,
  });
  const { traceDir } = options;
  // The next session's context and tab are made while the current ones run: a new tab starts
  // a renderer process (a few hundred ms), which then overlaps other sessions' network waits
  // instead of adding to each session's time. Every session still gets a context of its own.
  let spare: Promise<FreshTab> | undefined;
  const take = (): Promise<FreshTab> => {
    const next = spare ?? freshTab(browser, traceDir);
    spare = freshTab(browser, traceDir);
    spare.catch(() => {});
    return next;
  };
  return {
    name: 'browser',
    newSession: async ({ signal }) => {
      const { context, page } = await take();
      return BrowserSession.open(context, page, signal, [], traceDir);
    },
    close: async () => {
      const left = spare;
      spare = undefined;
      await left?.then(({ context }) => context.close()).catch(() => {});
      await browser.close();
    },
  };
}

/** A new browser context (its own cookie jar and storage) and its first tab. */
interface FreshTab {
  context: BrowserContext;
  page: Page;
}

async function freshTab(browser: Browser, traceDir: string | undefined): Promise<FreshTab> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  if (traceDir) await context.tracing.start({ screenshots: true, snapshots: true });
  return { context, page: await context.newPage() };
}

/** Chromium's Fetch.requestPaused event, the members read here. */
interface PausedRequest {
  requestId: string;
  networkId?: string;
  redirectedRequestId?: string;
  request: { url: string; method: string; headers: Record<string, string>; postData?: string };
}

class BrowserSession implements DriverSession {
  readonly steps: HttpStep[];
  private readonly context: BrowserContext;
  private readonly signal: AbortSignal;
  private idpOrigin: string | undefined;
  /** The last response the IdP had the browser deliver to the SP: a form post, or a redirect with a query. */
  private lastToSp: { url: string; body: string | undefined } | undefined;
  /**
   * The session's one tab, made on first use: logins, logouts and probes all run in it (a new
   * page costs a renderer process, about 0.2 s of CPU; a replay's fresh session that is never
   * probed needs none). While `probing`, its navigations are the probe's, not login steps.
   */
  private tab: Promise<{ page: Page; activity: PageActivity }> | undefined;
  private probing = false;
  /** Sessions made by `replayLastPost`, closed with this one. */
  private readonly replays: BrowserSession[] = [];

  private constructor(context: BrowserContext, signal: AbortSignal, steps: HttpStep[]) {
    this.context = context;
    this.signal = signal;
    this.steps = steps;
  }

  private traceDir: string | undefined;

  /** A session on `context`; `page`, when given, becomes its tab (otherwise made on first use). */
  static open(
    context: BrowserContext,
    page: Page | undefined,
    signal: AbortSignal,
    steps: HttpStep[],
    traceDir?: string,
  ): BrowserSession {
    const session = new BrowserSession(context, signal, steps);
    session.traceDir = traceDir;
    if (page) session.page(Promise.resolve(page));
    const end = () => void context.close().catch(() => {});
    if (signal.aborted) end();
    else signal.addEventListener('abort', end, { once: true });
    return session;
  }

  private page(made?: Promise<Page>): Promise<{ page: Page; activity: PageActivity }> {
    this.tab ??= (made ?? this.context.newPage()).then((page) => {
      page.on('response', (response) => {
        const request = response.request();
        if (this.probing || !request.isNavigationRequest()) return;
        const step = this.record(
          request,
          response.status(),
          response.headers().location,
          response.headers()['content-type'],
        );
        this.track(this.keepSpAnswer(step, response));
      });
      return { page, activity: new PageActivity(page) };
    });
    return this.tab;
  }

  /** Reading answers' headers and bodies, still under way: steps are complete once these settle. */
  private readonly pending = new Set<Promise<void>>();

  private track(reading: Promise<void>): void {
    this.pending.add(reading);
    void reading.finally(() => this.pending.delete(reading));
  }

  private async answersRead(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Adds the cookie names and text of an SP-side answer to its step (`HttpStep.setCookies`, `bodyText`). */
  private async keepSpAnswer(step: HttpStep, response: Response): Promise<void> {
    if (this.idpOrigin !== undefined && new URL(step.url).origin === this.idpOrigin) return;
    const setCookie = await response.headerValues('set-cookie').catch(() => []);
    // A redirect has no body to read; a page that navigated on at once may have lost its own.
    const redirect = step.status >= 300 && step.status < 400;
    const body = redirect ? undefined : await response.text().catch(() => undefined);
    Object.assign(
      step,
      spAnswer(step.url, this.idpOrigin, { setCookie, body, contentType: step.contentType }),
    );
  }

  private record(
    request: Request,
    status: number,
    location: string | undefined,
    contentType: string | undefined,
  ): HttpStep {
    const postData = request.method() === 'POST' ? (request.postData() ?? '') : undefined;
    const redirectedFrom = request.redirectedFrom();
    const url = new URL(request.url());
    if (postData !== undefined && url.origin !== this.idpOrigin) {
      this.lastToSp = { url: request.url(), body: postData };
    } else if (
      postData === undefined &&
      redirectedFrom &&
      url.search !== '' &&
      url.origin !== this.idpOrigin &&
      new URL(redirectedFrom.url()).origin === this.idpOrigin
    ) {
      // An OIDC query response (code, state) travels as the IdP's redirect to the SP.
      this.lastToSp = { url: request.url(), body: undefined };
    }
    const step: HttpStep = {
      index: this.steps.length,
      method: request.method(),
      url: request.url(),
      form: postData !== undefined ? Object.fromEntries(new URLSearchParams(postData)) : undefined,
      status,
      location,
      contentType,
      cause: redirectedFrom ? 'redirect' : request.method() === 'POST' ? 'form' : 'navigate',
      durationMs: Math.round(request.timing().responseEnd),
    };
    this.steps.push(step);
    return step;
  }

  async bindFlow(idpBaseUrl: string, flowId: string): Promise<void> {
    this.idpOrigin = new URL(idpBaseUrl).origin;
    // The harness's own binding must reach the IdP from any site (an SP's cross-site POST
    // of an AuthnRequest included): SameSite=None where a browser allows it (Secure).
    const idp = new URL(this.idpOrigin);
    // Chromium's cookie API drops a Secure cookie given by an http URL, not by its host.
    const cookie = isPotentiallyTrustworthy(idp)
      ? { domain: idp.hostname, path: '/', sameSite: 'None' as const, secure: true }
      : { url: this.idpOrigin };
    await this.context.addCookies([{ name: 'sso_harness_flow', value: flowId, ...cookie }]);
  }

  async open(url: string, options: { delivery?: Delivery } = {}): Promise<void> {
    const delivery = options.delivery ?? 'same-browser';
    const { page, activity } = await this.page();
    const interception =
      delivery === 'same-browser' ? undefined : await this.interceptDelivery(page, delivery);
    try {
      await page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => {
        // A held delivery aborts the navigation that carried it.
        if (!(delivery === 'other-browser' && this.lastToSp)) throw error;
      });
      await activity.settle(this.signal);
    } finally {
      await interception?.detach().catch(() => {});
      await this.answersRead();
    }
  }

  /**
   * Catches the IdP's response on its way to the SP, redirects included (Playwright's
   * routes see only the first request of a redirect chain and cannot change the Cookie
   * header; Chromium's Fetch domain can do both): `cross-site` sends it with only the SP
   * cookies a browser sends across sites, `other-browser` keeps it for `replayLastPost`.
   */
  private async interceptDelivery(
    page: Page,
    delivery: Exclude<Delivery, 'same-browser'>,
  ): Promise<CDPSession> {
    const cdp = await this.context.newCDPSession(page);
    const lastUrl = new Map<string, string>();
    cdp.on('Fetch.requestPaused', (event: PausedRequest) => {
      void this.onPaused(page, cdp, event, delivery, lastUrl).catch(() =>
        cdp.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => {}),
      );
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document' }] });
    return cdp;
  }

  private async onPaused(
    page: Page,
    cdp: CDPSession,
    event: PausedRequest,
    delivery: Exclude<Delivery, 'same-browser'>,
    lastUrl: Map<string, string>,
  ): Promise<void> {
    const { request, requestId } = event;
    const target = new URL(request.url);
    const before = event.networkId ? lastUrl.get(event.networkId) : undefined;
    if (event.networkId) lastUrl.set(event.networkId, request.url);
    const fromIdp = (address: string | undefined) =>
      address !== undefined && URL.canParse(address) && new URL(address).origin === this.idpOrigin;
    const isDelivery =
      this.idpOrigin !== undefined &&
      target.origin !== this.idpOrigin &&
      (request.method === 'POST'
        ? fromIdp(page.url())
        : target.search !== '' && event.redirectedRequestId !== undefined && fromIdp(before));
    if (!isDelivery) {
      await cdp.send('Fetch.continueRequest', { requestId });
      return;
    }
    if (delivery === 'other-browser') {
      this.lastToSp = {
        url: request.url,
        body: request.method === 'POST' ? (request.postData ?? '') : undefined,
      };
      await cdp.send('Fetch.failRequest', { requestId, errorReason: 'Aborted' });
      return;
    }
    // What a browser sends to another site: SameSite=None cookies, Lax ones only with a GET.
    const sent = (await this.context.cookies(request.url)).filter(
      (c) => c.sameSite === 'None' || (request.method === 'GET' && c.sameSite === 'Lax'),
    );
    const headers = Object.entries(request.headers)
      .filter(([name]) => name.toLowerCase() !== 'cookie')
      .map(([name, value]) => ({ name, value }));
    if (sent.length)
      headers.push({ name: 'Cookie', value: sent.map((c) => `${c.name}=${c.value}`).join('; ') });
    await cdp.send('Fetch.continueRequest', { requestId, headers });
  }

  hasPostToReplay(): boolean {
    return this.lastToSp !== undefined;
  }

  async replayLastPost(): Promise<DriverSession> {
    if (!this.lastToSp)
      throw new Error('this session posted nothing to the SP, so there is nothing to replay');
    const browser = this.context.browser()!;
    const fresh = BrowserSession.open(
      await browser.newContext({ ignoreHTTPSErrors: true }),
      undefined,
      this.signal,
      this.steps,
    );
    fresh.idpOrigin = this.idpOrigin;
    this.replays.push(fresh);
    const { url, body } = this.lastToSp;
    const response =
      body === undefined
        ? await fresh.context.request.get(url, { maxRedirects: 20 })
        : await fresh.context.request.post(url, {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            data: body,
            maxRedirects: 20,
          });
    const text = await response.text();
    const contentType = response.headers()['content-type'];
    const setCookie = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === 'set-cookie')
      .map((h) => h.value);
    this.steps.push({
      index: this.steps.length,
      method: body === undefined ? 'GET' : 'POST',
      url,
      form: body === undefined ? undefined : Object.fromEntries(new URLSearchParams(body)),
      status: response.status(),
      contentType,
      cause: 'replay',
      bodyExcerpt: text.slice(0, EXCERPT),
      ...spAnswer(response.url(), this.idpOrigin, { setCookie, body: text, contentType }),
      durationMs: 0,
    });
    return fresh;
  }

  async probe(url: string): Promise<ProbeResponse> {
    // In the session's own tab (a new tab would cost a renderer process). An SP answer that
    // commits no page (a 204, a download) leaves the tab as it was; the probe then reads an
    // empty tab, as one opened for it would show, never the login's last page.
    const { page, activity } = await this.page();
    const commitsBefore = activity.commits;
    this.probing = true;
    const idpOrigin = this.idpOrigin;
    let stoppedAt: string | undefined;
    // The probe never logs anyone in: a navigation into the IdP (the SP asking for a new
    // login) is answered here with an empty page and ends the probe.
    const toIdp = (target: URL) => target.origin === idpOrigin;
    const stopAtIdp = async (route: Route) => {
      if (route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()) {
        stoppedAt ??= route.request().url();
      }
      await route.fulfill({ status: 204, body: '' });
    };
    if (idpOrigin) await page.route(toIdp, stopAtIdp);
    // The status and URL of one and the same answer: the main frame's last navigation.
    const answers: {
      status: number;
      url: string;
      contentType: string | undefined;
      setCookie: Promise<string[]>;
    }[] = [];
    const onResponse = (response: Response) => {
      const request = response.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      if (idpOrigin && new URL(response.url()).origin === idpOrigin) return;
      answers.push({
        status: response.status(),
        url: response.url(),
        contentType: response.headers()['content-type'],
        setCookie: response.headerValues('set-cookie').catch(() => []),
      });
    };
    page.on('response', onResponse);
    const setCookies = async (of: typeof answers) => {
      const names = cookieNames((await Promise.all(of.map((a) => a.setCookie))).flat());
      return names.length ? names : undefined;
    };
    try {
      await page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => {
        if (!stoppedAt) throw error;
      });
      await activity.settle(this.signal, () => stoppedAt !== undefined);
      if (stoppedAt) {
        const redirect = answers.at(-1);
        this.steps.push({
          index: this.steps.length,
          method: 'GET',
          url: redirect?.url ?? url,
          status: redirect?.status ?? 0,
          location: stoppedAt,
          setCookies: await setCookies(redirect ? [redirect] : []),
          cause: 'probe',
          durationMs: 0,
        });
        return {
          url,
          status: redirect?.status ?? 0,
          finalUrl: stoppedAt,
          body: '',
          contentType: undefined,
          stoppedAtIdp: true,
        };
      }
      const committed = activity.commits > commitsBefore;
      const body = committed ? await page.content().catch(() => '') : EMPTY_TAB.body;
      const last = answers.findLast((a) => a.status < 300 || a.status >= 400);
      const status = last?.status ?? 0;
      const finalUrl = committed ? page.url() : EMPTY_TAB.url;
      this.steps.push({
        index: this.steps.length,
        method: 'GET',
        url,
        status,
        location: finalUrl === url ? undefined : finalUrl,
        contentType: last?.contentType,
        cause: 'probe',
        bodyExcerpt: body.slice(0, EXCERPT),
        setCookies: await setCookies(answers),
        // page.content() is the page's DOM as HTML, whatever the answer's type.
        bodyText: bodyText(body, 'text/html'),
        durationMs: 0,
      });
      return { url, status, finalUrl, body, contentType: last?.contentType, stoppedAtIdp: false };
    } finally {
      page.off('response', onResponse);
      if (idpOrigin) await page.unroute(toIdp, stopAtIdp).catch(() => {});
      this.probing = false;
    }
  }

  async screenshot(): Promise<string | undefined> {
    if (!this.tab) return undefined;
    const { page } = await this.tab;
    return (await page.screenshot({ fullPage: false })).toString('base64');
  }

  async keepTrace(name: string): Promise<string | undefined> {
    if (!this.traceDir) return undefined;
    const path = join(this.traceDir, `${name.replace(/[^a-zA-Z0-9.-]+/g, '_')}.zip`);
    await mkdir(this.traceDir, { recursive: true });
    await this.context.tracing.stop({ path });
    this.traceDir = undefined;
    return path;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.replays.map((replay) => replay.close()));
    await this.answersRead();
    if (this.traceDir) await this.context.tracing.stop().catch(() => {});
    await this.context.close();
  }
}
