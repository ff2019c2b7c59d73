import type { Page, Request } from 'playwright-core';

/** How long a loaded page must stay without requests or navigations to count as settled, in ms. */
export const QUIET_MS = 100;
/** A subresource request (not a navigation) older than this stops holding the page open, in ms. */
const STALE_MS = 2_000;
/** Past this a page that keeps moving (a refresh loop) is judged as it stands, in ms. */
const MAX_SETTLE_MS = 10_000;

/**
 * Watches one page's requests and main-frame navigations so the driver can wait on events
 * instead of fixed sleeps: a page has settled once it has loaded, no request of its own is
 * in flight and nothing happened for `QUIET_MS` (a self-submitting form, a script's or a
 * meta refresh's redirect, a replay's background posts all show up as requests).
 */
export class PageActivity {
  private readonly page: Page;
  /** Requests in flight and when they started (performance.now(), ms). */
  private readonly inflight = new Map<Request, number>();
  /** Bumped on every request, answer and main-frame navigation. */
  private changes = 0;
  /** Documents the main frame has committed so far. */
  commits = 0;
  private lastChange = performance.now();
  private wake: (() => void) | undefined;

  constructor(page: Page) {
    this.page = page;
    const bump = () => {
      this.changes++;
      this.lastChange = performance.now();
      this.wake?.();
    };
    page.on('request', (request) => {
      this.inflight.set(request, performance.now());
      bump();
    });
    const done = (request: Request) => {
      this.inflight.delete(request);
      bump();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      this.commits++;
      bump();
    });
    page.on('load', bump);
    page.on('close', bump);
  }

  /** Navigations of any age, and subresource requests younger than STALE_MS, hold the page open. */
  private busy(now: number): boolean {
    for (const [request, since] of this.inflight) {
      if (request.isNavigationRequest() || now - since < STALE_MS) return true;
    }
    return false;
  }

  /** Resolves once the page has been idle for QUIET_MS (or `stop()` says to give up). */
  private async quiet(stop: () => boolean): Promise<void> {
    for (;;) {
      if (stop()) return;
      const now = performance.now();
      const idleFor = now - this.lastChange;
      if (!this.busy(now) && idleFor >= QUIET_MS) return;
      const wait = this.busy(now) ? STALE_MS / 4 : QUIET_MS - idleFor;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /**
   * Waits until self-submitting forms, redirects and scripts have stopped moving the page,
   * `done()` says to stop early, or `signal` aborts. Each round ends with a round trip into
   * the renderer (a zero timer in the page), so work the page queued before the quiet
   * window ended has run, and had its chance to start a request, before the page counts as settled.
   */
  async settle(signal: AbortSignal, done: () => boolean = () => false): Promise<void> {
    const started = performance.now();
    const stop = () =>
      signal.aborted || done() || this.page.isClosed() || performance.now() - started > MAX_SETTLE_MS;
    while (!stop()) {
      await this.page.waitForLoadState('load').catch(() => {});
      await this.quiet(stop);
      if (stop()) return;
      const seen = this.changes;
      await this.page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))').catch(() => {});
      if (this.changes === seen && !this.busy(performance.now())) return;
    }
  }
}
