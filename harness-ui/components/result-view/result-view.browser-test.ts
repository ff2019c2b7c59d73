import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const trace = (audience: string, id: string) => [
  {
    id: 1,
    time: '2026-01-01T10:00:00Z',
    provider: 'okta',
    flowId: 'f',
    protocol: 'saml',
    direction: 'out',
    binding: 'HTTP-POST',
    kind: 'Response',
    summary: 'Response to the SP',
    decoded: `<samlp:Response ID="${id}" IssueInstant="2026-01-01T10:00:00Z">\n  <saml:Audience>${audience}</saml:Audience>\n</samlp:Response>`,
  },
];
const result = {
  key: 'saml.audience.wrong @ app',
  scenarioId: 'saml.audience.wrong',
  title: 'Audience names another SP',
  protocol: 'saml',
  target: 'app',
  connection: 'okta',
  provider: 'okta',
  user: 'alice@example.com',
  driver: 'browser',
  verdict: 'fail',
  expected: 'no session',
  observed: 'logged in as alice@example.com',
  reason: 'expected no session; observed logged in as alice@example.com',
  faults: [{ fault: 'saml.audience', params: { audiences: ['https://other.example'] } }],
  faultSummaries: ['Sets the AudienceRestriction to other audiences'],
  tags: [],
  why: 'An assertion for another SP.',
  refs: [],
  startedAt: '2026-01-01T10:00:00Z',
  durationMs: 120,
  steps: [],
  http: [
    {
      index: 0,
      method: 'POST',
      url: 'http://sp/acs',
      form: { SAMLResponse: 'PHNhbWw+' },
      status: 302,
      location: '/account',
      cause: 'form',
      durationMs: 3,
    },
  ],
  trace: trace('https://other.example', '_faulted'),
  screenshot:
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
};

describe('<result-view>', () => {
  it('highlights what the fault changed against the clean login, and offers the evidence', async () => {
    const key = encodeURIComponent(result.key);
    await view.stubApi({
      [`/runs/r1/results/${key}`]: result,
      [`POST /runs/r1/results/${key}/baseline`]: {
        ...result,
        verdict: 'pass',
        faults: [],
        trace: trace('http://sp/saml', '_clean'),
      },
    });
    await view.open(`/runs/r1/results/${key}`);
    const code = view.page.locator('.message[data-kind="Response"] code-view');
    await code.locator('.line.add').waitFor();
    expect(await code.locator('.line.add').allTextContents()).toEqual([
      '2+  <saml:Audience>https://other.example</saml:Audience>',
    ]);
    expect(await code.locator('.line.del').allTextContents()).toEqual([
      '−  <saml:Audience>http://sp/saml</saml:Audience>',
    ]);
    await view.page.getByRole('img', { name: /The browser's page when saml.audience.wrong ended/ }).waitFor();
    await view.page.getByRole('button', { name: 'Copy as cURL' }).click();
    expect(await view.page.evaluate(() => navigator.clipboard.readText())).toBe(
      "curl -i -X POST --data-urlencode 'SAMLResponse=PHNhbWw+' 'http://sp/acs'",
    );
    const [download] = await Promise.all([
      view.page.waitForEvent('download'),
      view.page.getByRole('button', { name: '⇩ Result as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('result-saml.audience.wrong.json');
  });

  it('reads a reproduction as reproduced or not, with what it looked for, never pass or fail', async () => {
    const reproduction = {
      ...result,
      key: 'repro.acme @ app',
      scenarioId: 'repro.acme',
      title: 'ACME: Okta login fails with invalid audience',
      tags: ['composed', 'reproduction'],
      verdict: 'pass',
      expected: 'no session',
      observed: 'no session: the SP answered 403 at http://sp/acs',
      reason: 'as expected: no session',
      reproduction: {
        outcome: 'reproduced',
        what: 'no session at app when the IdP commits saml.audience',
        line: 'reproduced: no session at app when the IdP commits saml.audience (no session: the SP answered 403)',
      },
      trace: [],
    };
    const key = encodeURIComponent(reproduction.key);
    await view.stubApi({ [`/runs/r3/results/${key}`]: reproduction });
    await view.open(`/runs/r3/results/${key}`);
    await view.page.getByRole('heading', { name: reproduction.title }).waitFor();
    expect(await view.page.locator('result-view .head verdict-mark .v').textContent()).toBe('✓reproduced');
    const box = view.page.locator('result-view .verdict-box');
    expect(await box.textContent()).toContain('Reproduced when the SP gives');
    expect(await box.textContent()).toContain(reproduction.reproduction.line);
    expect(await box.textContent()).not.toMatch(/A correct SP|Verdict/);
  });

  it("shows the cookie names and the text of each answer on the SP's side", async () => {
    const page = 'Signed in\nYou are alice@example.com.\nYour groups: staff, admins';
    const evidence = {
      ...result,
      key: 'saml.valid @ app',
      scenarioId: 'saml.valid',
      verdict: 'pass',
      faults: [],
      trace: [],
      screenshot: undefined,
      http: [
        {
          index: 0,
          method: 'GET',
          url: 'http://sp/login',
          status: 302,
          location: 'http://idp/sso',
          cause: 'navigate',
          durationMs: 2,
        },
        { index: 1, method: 'GET', url: 'http://idp/sso', status: 200, cause: 'redirect', durationMs: 4 },
        {
          ...result.http[0],
          index: 2,
          setCookies: ['sp_session', 'csrf_token'],
          bodyText: 'Redirecting to /account',
        },
        {
          index: 3,
          method: 'GET',
          url: 'http://sp/account',
          status: 200,
          cause: 'probe',
          bodyText: page,
          durationMs: 5,
        },
      ],
    };
    await view.stubApi({ [`/runs/r1/results/${encodeURIComponent(evidence.key)}`]: evidence });
    await view.open(`/runs/r1/results/${encodeURIComponent(evidence.key)}`);
    const rows = view.page.locator('table.steps tbody tr');
    await rows.nth(3).waitFor();
    expect(await rows.nth(2).locator('.cookies code').allTextContents()).toEqual([
      'sp_session',
      'csrf_token',
    ]);
    expect(await rows.nth(3).locator('.page-text').textContent()).toBe(
      'Signed in You are alice@example.com. Your groups: staff, admins',
    );
    expect(await rows.nth(1).locator('.cookies, .page-text').count()).toBe(0);
    await rows.nth(3).getByRole('button', { name: 'Details' }).click();
    const text = view.page.getByRole('region', { name: "The SP's answer as text (first 16 KB)" });
    expect((await text.innerText()).replace(/\s+/g, ' ')).toContain('You are alice@example.com.');
  });
});
