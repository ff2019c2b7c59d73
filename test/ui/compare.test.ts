import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoSmokeRuns } from './support/compare.ts';
import { startUiEnvironment, type UiEnvironment } from './support/environment.ts';

/** Comparing two runs on the History page, in a real headless Chromium against the harness. */
let env: UiEnvironment;
let runs: { earlier: string; now: string };

beforeAll(async () => {
  env = await startUiEnvironment();
  runs = await twoSmokeRuns(env);
});
afterAll(() => env?.close());

describe('History: compare two runs', () => {
  it('ticks two runs and shows what changed side by side, the unchanged folded away', async () => {
    const page = await env.open('/history');
    const compare = page.getByRole('button', { name: 'Compare', exact: true });
    await page.getByLabel(`Compare run ${runs.now}`).check();
    expect(await compare.isDisabled()).toBe(true);
    await page.getByLabel(`Compare run ${runs.earlier}`).check();
    await compare.click();

    const view = page.locator('run-compare');
    // Picked newest first, compared earlier (A) to later (B).
    await view.getByRole('heading', { name: `A ${runs.earlier} → B ${runs.now}` }).waitFor();
    const counts = await view.locator('.counts').textContent();
    expect(counts?.replace(/\s+/g, ' ').trim()).toBe('1 changed 0 appeared 1 disappeared 1 unchanged');

    const audience = view.locator('article[data-key="ui-test.saml.audience @ demo-sp"]');
    expect(await audience.locator('.badge').textContent()).toBe('verdict changed');
    const [a, b] = await audience.locator('.side').allInnerTexts();
    expect(a).toMatch(/^A\s+observed/);
    expect(await audience.locator('.side verdict-mark .v').allTextContents()).toEqual(['✓pass', '✗fail']);
    expect(a).toContain('audience https://other-sp.example is not this SP');
    expect(b).toMatch(/^B\s+observed/);
    expect(b).toMatch(/observed\s+logged in as /);

    const gone = view.locator('article[data-key="ui-test.saml.expired @ demo-sp"]');
    expect(await gone.locator('.badge').textContent()).toBe('only in A');
    expect(await gone.locator('.side.absent').innerText()).toContain('not in this run');

    const unchanged = view.locator('details.unchanged');
    expect(await unchanged.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await unchanged.locator('article[data-key="ui-test.saml.clean @ demo-sp"]').isVisible()).toBe(
      false,
    );
    await unchanged.locator('summary').click();
    expect(await unchanged.locator('article[data-key="ui-test.saml.clean @ demo-sp"]').isVisible()).toBe(
      true,
    );
    await page.context().close();
  });

  it('fits a phone-sized screen without sideways scrolling', async () => {
    const page = await env.open('/history', { width: 390, height: 844 });
    await page.getByLabel(`Compare run ${runs.now}`).check();
    await page.getByLabel(`Compare run ${runs.earlier}`).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('run-compare article').first().waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
