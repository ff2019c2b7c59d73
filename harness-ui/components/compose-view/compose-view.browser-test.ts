import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const fault = {
  name: 'saml.audience',
  protocol: 'saml',
  stage: 'model',
  summary: 'Sets the AudienceRestriction to other audiences',
  paramsSchema: {
    type: 'object',
    properties: {
      audiences: { type: 'array', items: { type: 'string' }, default: ['https://other.invalid'] },
    },
  },
};
const scenario = {
  id: 'saml.audience.wrong',
  title: 'Audience names another SP',
  protocol: 'saml',
  flow: { type: 'sp-initiated' },
  faults: [{ fault: 'saml.audience', params: { audiences: ['https://x.example'] } }],
  expect: 'reject',
  tags: [],
  why: 'An assertion for another SP.',
  refs: [],
};

describe('<compose-view>', () => {
  it('starts from a catalog scenario, and saves what is composed', async () => {
    await view.stubApi({
      '/faults': [fault],
      '/providers': [],
      '/users': [{ id: 'alice', email: 'alice@example.com', displayName: 'Alice', disabled: false }],
      '/targets': [
        { id: 'app', source: 'config', target: { connections: {}, probe: { url: 'http://sp/me' } } },
      ],
      '/scenarios': { scenarios: [scenario], suites: [] },
      '/reproductions': [],
      'PUT /reproductions/audience-names-another-sp-reproduction': {
        id: 'audience-names-another-sp-reproduction',
        title: 'Audience names another SP (reproduction)',
        savedAt: '2026-01-01T00:00:00Z',
        scenario: {},
      },
    });
    await view.open('/compose?from=saml.audience.wrong');
    expect(await view.page.getByLabel('Title').inputValue()).toBe('Audience names another SP (reproduction)');
    expect(await view.page.locator('fault-form textarea').inputValue()).toBe('https://x.example');
    await view.page.getByLabel('User', { exact: true }).selectOption('alice');
    await view.page.getByRole('button', { name: 'Save as reproduction' }).click();
    await view.page
      .locator('compose-view .ok-note')
      .getByText('✓ Saved as "Audience names another SP (reproduction)"')
      .waitFor();
    expect(view.requests.find((r) => r.method === 'PUT')?.body).toMatchObject({
      title: 'Audience names another SP (reproduction)',
      target: 'app',
      scenario: {
        protocol: 'saml',
        user: 'alice',
        faults: [{ fault: 'saml.audience', params: { audiences: ['https://x.example'] } }],
        expect: 'reject',
      },
    });
  });

  it('filters the fault picker by name and summary', async () => {
    const listing = (name: string, summary: string, stage = 'model', protocol = 'saml') => ({
      ...fault,
      name,
      summary,
      stage,
      protocol,
    });
    await view.stubApi({
      '/faults': [
        fault,
        listing('saml.expired', 'NotOnOrAfter in the past'),
        listing('saml.unsigned', 'Sends the Response without any signature', 'sign'),
        listing('oidc.nonce', 'Another nonce', 'id-token', 'oidc'),
      ],
      '/providers': [],
      '/users': [],
      '/targets': [],
      '/scenarios': { scenarios: [], suites: [] },
      '/reproductions': [],
    });
    await view.open('/compose');
    const options = view.page.locator('compose-view #add option:not([value=""])');
    await view.page.getByLabel('Search faults').waitFor();
    expect(await options.allTextContents()).toHaveLength(3);
    await view.page.getByLabel('Add a fault').selectOption('saml.expired');
    await view.page.getByLabel('Search faults').fill('SIGNATURE');
    expect(await options.evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))).toEqual([
      'saml.unsigned',
    ]);
    expect(await view.page.locator('compose-view #add option[value=""]').textContent()).toBe(
      'Choose a fault (1 of 3 match)…',
    );
    // The hidden choice is not added unseen.
    expect(await view.page.getByRole('button', { name: '+ Add' }).isDisabled()).toBe(true);
    await view.page.getByLabel('Search faults').fill('saml audience');
    expect(await options.evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))).toEqual([
      'saml.audience',
    ]);
    await view.page.getByLabel('Search faults').fill('nonce');
    expect(await options.count()).toBe(0);
    expect(await view.page.locator('compose-view #add option[value=""]').textContent()).toBe(
      'No fault matches the search',
    );
    await view.page.getByLabel('Search faults').fill('');
    expect(await options.count()).toBe(3);
  });

  it('opens a timing scenario with the expectation the planner judges for the chosen target', async () => {
    const timing = {
      ...scenario,
      id: 'saml.time.conditions-not-on-or-after.late-2m',
      title: 'Conditions NotOnOrAfter passed 2 min ago',
      faults: [],
      expect: { withinSkew: { field: 'Conditions NotOnOrAfter', direction: 'past', seconds: 120 } },
    };
    const target = (id: string, displayName: string, clockSkewSeconds: number) => ({
      id,
      source: 'config',
      target: { displayName, clockSkewSeconds, connections: {}, probe: { url: 'http://sp/me' } },
    });
    await view.stubApi({
      '/faults': [fault],
      '/providers': [],
      '/users': [],
      '/targets': [
        target('app', 'App (3 min skew)', 180),
        target('strict', 'Strict app (1 min skew)', 60),
        target('exact', 'Exact app (2 min skew)', 120),
      ],
      '/scenarios': { scenarios: [timing], suites: [] },
      '/reproductions': [],
    });
    await view.open('/compose?from=saml.time.conditions-not-on-or-after.late-2m');
    const judged = view.page.locator('compose-view .judged');
    await judged.waitFor();
    expect(
      await view.page.getByLabel("decides by the target's clock skew (a timing scenario)").isChecked(),
    ).toBe(true);
    expect(await judged.textContent()).toMatch(
      /At App \(3 min skew\):\s+expects accept\s+Conditions NotOnOrAfter 2 min late, within the declared 3 min clock skew \(targets\.app\.clockSkewSeconds\)/,
    );
    if (process.env.SCREENSHOT_DIR) {
      await view.page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/compose-timing.png`,
        fullPage: true,
      });
    }
    await view.page.getByLabel('Target', { exact: true }).selectOption('strict');
    expect(await judged.textContent()).toMatch(
      /At Strict app \(1 min skew\):\s+expects reject\s+.*beyond the declared 1 min/,
    );
    await view.page.getByLabel('Target', { exact: true }).selectOption('exact');
    if (process.env.SCREENSHOT_DIR) {
      await view.page
        .locator('compose-view fieldset')
        .screenshot({ path: `${process.env.SCREENSHOT_DIR}/compose-timing-at-skew.png` });
    }
    expect(await judged.textContent()).toMatch(
      /at the skew: skipped\s+Conditions NotOnOrAfter: at the declared 2 min clock skew exactly/,
    );
    // The scenario keeps its timing expectation: the run judges it the same way.
    const data = await view.page
      .locator('compose-view code-view')
      .evaluate((e) => (e as { text?: string }).text);
    expect(JSON.parse(data ?? '{}').expect).toEqual(timing.expect);
  });
});
