/**
 * `sso-harness/playwright`: Playwright Test fixtures for your own end-to-end tests. A
 * harness per worker, a `flow` helper that binds the next login of the test's browser
 * context to a user and faults, and the Chromium the harness's browser driver would use
 * when Playwright has not downloaded its own.
 *
 * @example
 * // e2e/login.spec.ts
 * import { test, expect } from 'sso-harness/playwright';
 * test.use({ harnessOptions: { config: 'sso-harness.config.ts' } });
 * test('an assertion for another SP is refused', async ({ page, flow }) => {
 *   const login = await flow({
 *     provider: 'okta',
 *     user: 'alice',
 *     faults: [{ fault: 'saml.audience', params: { audiences: ['https://other.example'] } }],
 *   });
 *   await page.goto('http://localhost:3000/login/okta');
 *   await expect(page.getByText('alice@example.com')).not.toBeVisible();
 *   expect(login.trace().map((m) => m.kind)).toContain('Response');
 * });
 */
import { existsSync } from 'node:fs';
import { test as base, chromium } from '@playwright/test';
import type { TraceEntry } from './idp/trace.ts';
import { chromiumArgs, findChromium } from './runner/drivers/find-chromium.ts';
import {
  type Harness,
  type HarnessFlow,
  type HarnessFlowSpec,
  type StartHarnessOptions,
  startHarness,
} from './runner/harness.ts';

export { expect } from '@playwright/test';
export type { Harness, HarnessFlow, HarnessFlowSpec, StartHarnessOptions, TraceEntry };

/** Fixtures shared by the tests of one worker. */
export interface SsoHarnessWorkerFixtures {
  /**
   * How the worker's harness starts (an option: `test.use({ harnessOptions: {...} })` or
   * `use` in playwright.config). Default: the config file of the working directory (or the
   * built-in demo config), on a free port.
   */
  harnessOptions: StartHarnessOptions;
  /** The mock IdP, started once per worker and closed after its last test. */
  harness: Harness;
}

/** Fixtures of one test. */
export interface SsoHarnessTestFixtures {
  /**
   * Binds the next login of this test's browser context to a user and faults: the flow
   * cookie is added to `context`, so the next SSO request of `page` to the harness logs
   * that user in (without the login page) with the faults applied. The flow ends after
   * the test; when the test fails, its decoded trace is attached to the report.
   */
  flow: (spec: HarnessFlowSpec) => Promise<HarnessFlow>;
}

export const test = base.extend<SsoHarnessTestFixtures, SsoHarnessWorkerFixtures>({
  harnessOptions: [{}, { scope: 'worker', option: true }],

  harness: [
    async ({ harnessOptions }, use) => {
      const harness = await startHarness({ port: 0, ...harnessOptions });
      try {
        await use(harness);
      } finally {
        await harness.close();
      }
    },
    { scope: 'worker' },
  ],

  launchOptions: [
    async ({ launchOptions, browserName }, use) => {
      // Playwright's own download wins; without one, the Chromium the browser driver uses
      // ($SSO_HARNESS_CHROMIUM, then /usr/bin/chromium and friends).
      if (browserName !== 'chromium' || launchOptions.executablePath || hasOwnChromium()) {
        await use(launchOptions);
        return;
      }
      await use({
        ...launchOptions,
        executablePath: findChromium(),
        args: [...(launchOptions.args ?? []), ...chromiumArgs],
      });
    },
    { scope: 'worker' },
  ],

  flow: async ({ harness, context }, use, testInfo) => {
    const flows: HarnessFlow[] = [];
    await use(async (spec) => {
      const flow = harness.flow(spec);
      await context.addCookies([flow.cookie]);
      flows.push(flow);
      return flow;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const flow of flows) {
        await testInfo.attach(`sso-harness trace ${flow.id}`, {
          body: JSON.stringify(flow.trace(), null, 2),
          contentType: 'application/json',
        });
      }
    }
    for (const flow of flows) flow.end();
  },
});

function hasOwnChromium(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}
