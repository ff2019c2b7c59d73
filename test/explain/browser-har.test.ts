import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRef } from '../../idp/flows.ts';
import { chromiumArgs, findChromium } from '../../runner/drivers/find-chromium.ts';
import { type Demo, startDemo } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';
import { explainSaml, explainWithTarget, findingsOf } from './support.ts';

/**
 * A HAR recorded by real Chromium (Playwright's recordHar, the browser the project's
 * driver launches) during a real login at the demo SP: what a customer saves from the
 * developer tools and support pastes into explain.
 */
let demo: Demo;
let browser: Browser;
const dir = tempDir('sso-harness-har-');

beforeAll(async () => {
  demo = await startDemo();
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function recordLogin(connection: string, faults: FaultRef[], name: string): Promise<string> {
  const c = demo.target.connections[connection]!;
  const flow = demo.harness.flow({ provider: c.provider, user: c.user!, faults });
  const path = join(dir, `${name}.har`);
  const context = await browser.newContext({ recordHar: { path, content: 'embed' } });
  try {
    await context.addCookies([flow.cookie]);
    const page = await context.newPage();
    await page.goto(c.loginUrl);
    await page
      .waitForURL((url) => url.origin === new URL(demo.spUrl).origin && !url.pathname.startsWith('/login'), {
        timeout: 15_000,
      })
      .catch(() => {});
    await page.waitForLoadState('networkidle');
  } finally {
    await context.close();
    flow.end();
  }
  return readFileSync(path, 'utf8');
}

describe('a HAR recorded by Chromium during a real login', () => {
  it('a clean login: the AuthnRequest, the Response and the redirects between them, no problem', async () => {
    const har = await recordLogin('saml', [], 'clean');
    const explanation = await explainSaml(demo, 'saml', har);
    expect(explanation.input.kind).toBe('har');
    expect(explanation.captureTimeSource).toBe('har');
    expect(explanation.messages.map((m) => m.kind)).toEqual(['saml-authn-request', 'saml-response']);
    expect(explanation.messages[1]!.binding).toBe('HTTP-POST');
    expect(explanation.flow.length).toBeGreaterThanOrEqual(3);
    expect(explanation.flow.some((s) => s.location?.includes('SAMLRequest='))).toBe(true);
    expect(findingsOf(explanation).filter((f) => f.startsWith('problem'))).toEqual([]);
    expect(explanation.checks.find((c) => c.id === 'saml.in-response-to')?.status).toBe('ok');
  });

  it("an audience fault at the Okta connection: the problem, with the Okta console's setting to change", async () => {
    const har = await recordLogin('okta', [{ fault: 'saml.audience' }], 'audience');
    const explanation = await explainWithTarget(demo, 'okta', har);
    const audience = explanation.checks.find((c) => c.id === 'saml.audience');
    expect(audience, findingsOf(explanation).join('\n')).toMatchObject({
      status: 'problem',
      expected: `${demo.spUrl}/saml/okta`,
      actual: 'https://other-sp.invalid/saml/metadata',
      fix: {
        side: 'idp',
        setting: expect.stringContaining(
          'Okta Admin Console: Applications → your app → General → SAML Settings → Audience URI (SP Entity ID)',
        ),
      },
    });
    expect(explanation.messages[1]!.persona).toBe('okta');
    // The skew the demo target declares, not explain's default.
    expect(explanation.clockSkewSeconds).toBe(60);
    expect(explanation.checks.some((c) => c.id === 'flow.status' && c.actual === '403')).toBe(true);
  });
});
