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
});
