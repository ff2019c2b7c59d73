import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const checks = [
  {
    id: 'saml.audience',
    status: 'problem',
    message: 0,
    where: 'Assertion _a1',
    text: 'the assertion is for https://other.example, not for this SP',
    expected: 'https://sp.example',
    actual: 'https://other.example',
    spec: 'SAML 2.0 Core §2.5.1.4',
    fix: {
      side: 'idp',
      text: 'Set the SP entityID at the IdP.',
      setting: 'Okta Admin Console: Audience URI (SP Entity ID)',
    },
  },
  { id: 'saml.time.not-before', status: 'warning', message: 0, text: 'valid only within the skew' },
  {
    id: 'saml.issuer',
    status: 'ok',
    message: 0,
    text: 'issued by the IdP the SP trusts',
    actual: 'https://idp.example',
  },
];

describe('<check-list>', () => {
  it('shows problems and warnings in full with a mark and a word, and ok checks only when asked', async () => {
    await view.mount('<check-list></check-list>');
    await view.page.evaluate((list) => {
      const element = document.querySelector('check-list')!;
      (element as unknown as { checks: unknown }).checks = list;
    }, checks);
    const items = view.page.locator('check-list li');
    await items.first().waitFor();
    expect(await items.locator('.status').allTextContents()).toEqual(['✗problem', '!warning']);
    const problem = items.first();
    expect(await problem.locator('dd').allTextContents()).toEqual([
      'https://sp.example',
      'https://other.example',
      'SAML 2.0 Core §2.5.1.4',
    ]);
    expect(await problem.locator('.fix').textContent()).toContain(
      'Fix on the IdP side: Set the SP entityID at the IdP.',
    );
    expect(await problem.locator('.setting').textContent()).toBe(
      'Okta Admin Console: Audience URI (SP Entity ID)',
    );
    await view.page.getByText('1 ok check hidden.').waitFor();
    await view.page.evaluate(() => document.querySelector('check-list')!.setAttribute('show-ok', ''));
    await view.page.locator('check-list li.ok').waitFor();
    expect(await items.count()).toBe(3);
  });
});
