import { readdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserDriver } from '../../runner/drivers/browser.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import type { Driver } from '../../runner/drivers/types.ts';
import { type Scenario, type ScenarioInput, scenarioSchema } from '../../scenarios/schema.ts';
import { type Demo, startDemo } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';

const scenario = (input: Omit<ScenarioInput, 'why'>): Scenario =>
  scenarioSchema.parse({ why: 'test', ...input });

const scenarios = [
  scenario({
    id: 'b.saml.valid',
    title: 'SAML valid',
    protocol: 'saml',
    connection: 'saml',
    expect: 'accept',
  }),
  scenario({
    id: 'b.saml.expired',
    title: 'SAML assertion expired',
    protocol: 'saml',
    connection: 'saml',
    faults: [{ fault: 'saml.assertion-expired' }],
    expect: 'reject',
  }),
  scenario({
    id: 'b.oidc.valid',
    title: 'OIDC valid',
    protocol: 'oidc',
    connection: 'entra-staff',
    expect: 'accept',
  }),
  scenario({
    id: 'b.oidc.nonce',
    title: 'OIDC nonce wrong',
    protocol: 'oidc',
    connection: 'entra-staff',
    faults: [{ fault: 'oidc.id-token.nonce' }],
    expect: 'reject',
  }),
  scenario({
    id: 'b.saml.replay',
    title: 'SAML replay',
    protocol: 'saml',
    connection: 'saml',
    expect: {
      steps: [
        { action: 'login', expect: 'accept' },
        { action: 'replay', expect: 'reject' },
      ],
    },
  }),
];

let demo: Demo;
let browser: Driver;

beforeAll(async () => {
  demo = await startDemo();
  browser = await createBrowserDriver();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the browser driver', () => {
  it('reaches the same verdicts as the HTTP driver in headless Chromium', async () => {
    const byHttp = await demo.run(scenarios, { driver: createHttpDriver() });
    const byBrowser = await demo.run(scenarios, { driver: browser, workers: 2 });
    const verdicts = (r: typeof byHttp) =>
      Object.fromEntries(r.results.map((x) => [x.scenarioId, x.verdict]));
    expect(verdicts(byHttp)).toEqual(Object.fromEntries(scenarios.map((s) => [s.id, 'pass'])));
    expect(
      verdicts(byBrowser),
      byBrowser.results.map((r) => `${r.scenarioId}: ${r.reason}`).join('\n'),
    ).toEqual(verdicts(byHttp));
    const expired = byBrowser.results.find((r) => r.scenarioId === 'b.saml.expired')!;
    expect(expired.driver).toBe('browser');
    expect(expired.http.some((step) => step.method === 'POST' && step.url.includes('/saml/saml/acs'))).toBe(
      true,
    );
  });

  it('keeps a screenshot and a Playwright trace when a result is not a pass', async () => {
    const traceDir = tempDir();
    const tracing = await createBrowserDriver({ traceDir });
    try {
      const wrong = scenario({ ...scenarios[1]!, id: 'b.saml.expired.wrongly-expected', expect: 'accept' });
      const record = await demo.run([wrong, scenarios[0]!], { driver: tracing });
      const [failed, passed] = record.results;
      expect(failed!.verdict).toBe('fail');
      const png = Buffer.from(failed!.screenshot ?? '', 'base64');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(failed!.playwrightTrace).toMatch(/\.zip$/);
      expect(statSync(failed!.playwrightTrace!).size).toBeGreaterThan(1000);
      expect(passed!.verdict).toBe('pass');
      expect(passed!.playwrightTrace).toBeUndefined();
      expect(readdirSync(traceDir)).toHaveLength(1);
    } finally {
      await tracing.close();
    }
  });
});

describe("the browser driver's evidence", () => {
  it("keeps a screenshot of a passing result when asked for all, and the SP's cookie names and text", async () => {
    const [failuresOnly] = (await demo.run([scenarios[0]!], { driver: browser })).results;
    expect(failuresOnly!.verdict).toBe('pass');
    expect(failuresOnly!.screenshot).toBeUndefined();
    const [passed] = (await demo.run([scenarios[0]!], { driver: browser, screenshots: 'all' })).results;
    expect(passed!.verdict, passed!.reason).toBe('pass');
    const png = Buffer.from(passed!.screenshot ?? '', 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const idp = new URL(demo.harness.url).origin;
    const acs = passed!.http.find((s) => s.method === 'POST' && s.url.includes('/saml/saml/acs'))!;
    expect(acs.setCookies).toContain('demo_sp_session');
    const probe = passed!.http.findLast((s) => s.cause === 'probe')!;
    expect(probe.bodyText).toContain('alice@example.com');
    expect(probe.bodyText).not.toMatch(/<[!\w]/);
    for (const step of passed!.http.filter((s) => new URL(s.url).origin === idp)) {
      expect(step.setCookies).toBeUndefined();
      expect(step.bodyText).toBeUndefined();
    }
  });
});

describe('the browser driver against an SP that sends the probe to the IdP', () => {
  let redirecting: Demo;
  beforeAll(async () => {
    redirecting = await startDemo({
      failureStyle: 'redirect-to-idp',
      probe: (sp) => ({ url: `${sp}/me`, contains: '{{user.email}}' }),
    });
  });
  afterAll(() => redirecting?.close());

  it('stops the probe at the IdP instead of logging in again, as the HTTP driver does', async () => {
    const cases = [
      scenarios[0]!,
      scenarios[1]!,
      scenario({
        id: 'b.saml.idp-initiated-refused',
        title: 'IdP-initiated login where it is not allowed',
        protocol: 'saml',
        connection: 'saml',
        flow: { type: 'idp-initiated' },
        expect: 'reject',
      }),
    ];
    const run = await redirecting.run(cases, { driver: browser, workers: 2 });
    expect(
      run.results.map((r) => r.verdict),
      run.results.map((r) => `${r.scenarioId}: ${r.reason}`).join('\n'),
    ).toEqual(['pass', 'pass', 'pass']);
    const refused = run.results.find((r) => r.scenarioId === 'b.saml.expired')!;
    expect(refused.steps[0]!.probe).toMatchObject({ row: 'harness-page', session: false });
  });
});
