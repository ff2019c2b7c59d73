import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

describe('<scenarios-view>', () => {
  let view: ComponentPage;
  beforeAll(async () => {
    view = await sharedComponentPage();
  });

  const scenario = (
    id: string,
    protocol: string,
    expect: unknown,
    tags: string[],
    faults: string[] = [],
  ) => ({
    id,
    title: `Title ${id}`,
    protocol,
    flow: { type: 'sp-initiated' },
    faults: faults.map((fault) => ({ fault })),
    expect,
    tags,
    why: `Why ${id}`,
    refs: ['https://example.org/spec'],
  });

  it('searches and filters the catalog, and shows each scenario with its faults explained', async () => {
    await view.stubApi({
      '/scenarios': {
        scenarios: [
          scenario('saml.audience.wrong', 'saml', 'reject', ['audience'], ['saml.audience']),
          scenario('saml.baseline', 'saml', 'accept', ['baseline']),
          scenario('oidc.nonce.missing', 'oidc', 'reject', ['nonce']),
          scenario('saml.wrapping', 'saml', { notAs: 'mallory@example.com' }, ['xsw']),
        ],
        suites: [],
      },
      '/faults': [
        {
          name: 'saml.audience',
          protocol: 'saml',
          stage: 'model',
          summary: 'Audience names another SP',
          paramsSchema: {},
        },
      ],
    });
    await view.open('/scenarios');
    const count = view.page.locator('scenarios-view .count');
    await count.getByText('4 of 4 scenarios').waitFor();
    await view.page.getByLabel('Protocol').selectOption('saml');
    expect(await count.textContent()).toBe('3 of 4 scenarios');
    await view.page.getByLabel('Expected').selectOption('not-as');
    expect(await count.textContent()).toBe('1 of 4 scenarios');
    await view.page.getByLabel('Expected').selectOption('');
    await view.page.getByLabel('Search').fill('audience');
    expect(await count.textContent()).toBe('1 of 4 scenarios');
    await view.page.getByText('Title saml.audience.wrong').click();
    const details = view.page.locator('scenarios-view details[open]');
    expect(await details.textContent()).toContain('saml.audience: Audience names another SP');
    expect(await details.getByRole('link', { name: 'https://example.org/spec' }).count()).toBe(1);
    expect(await details.getByRole('link', { name: 'Compose from this' }).getAttribute('href')).toBe(
      '/compose?from=saml.audience.wrong',
    );
  });
});
