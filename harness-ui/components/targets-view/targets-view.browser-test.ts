import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const fromConfig = {
  id: 'demo',
  source: 'config',
  target: {
    displayName: 'Demo',
    connections: { saml: { provider: 'p', sp: 'demo', loginUrl: 'http://sp/login', tags: [] } },
    probe: { url: 'http://sp/me' },
  },
};

describe('<targets-view>', () => {
  it('shows config targets read-only and what validating a login URL found', async () => {
    await view.stubApi({
      '/targets': [fromConfig],
      '/providers': [],
      'POST /targets/demo/validate': {
        connection: 'saml',
        loginUrl: 'http://sp/login',
        ok: false,
        findings: ['the IdP refused the request: unknown SP "http://sp/other"'],
        status: 302,
        redirect: 'http://idp/saml/p/sso?SAMLRequest=abc',
        request: {
          kind: 'AuthnRequest',
          binding: 'HTTP-Redirect',
          decoded: '<samlp:AuthnRequest ID="_1"/>',
          provider: 'p',
        },
        idpErrors: ['unknown SP'],
        steps: [],
      },
    });
    await view.open('/targets');
    const card = view.page.locator('section[data-target="demo"]');
    await card.getByText('from the config (read-only)').waitFor();
    expect(await card.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await card.getByRole('button', { name: /Validate login URL/ }).click();
    await card.getByText('✗ does not reach the IdP cleanly').waitFor();
    expect(await card.textContent()).toContain('the IdP refused the request: unknown SP "http://sp/other"');
    await card.locator('code-view').getByText('<samlp:AuthnRequest ID="_1"/>').waitFor();
  });

  it('shows a dead login URL as an error with what to do', async () => {
    await view.stubApi({
      '/targets': [fromConfig],
      '/providers': [],
      'POST /targets/demo/validate': {
        status: 422,
        json: {
          error: {
            code: 'BAD_REQUEST',
            message: 'could not reach the login URL http://sp/login: ECONNREFUSED',
            hint: 'Is the SP running?',
          },
        },
      },
    });
    await view.open('/targets');
    await view.page.getByRole('button', { name: /Validate login URL/ }).click();
    const alert = view.page.locator('section[data-target="demo"]').getByRole('alert');
    await alert.locator('div').last().waitFor();
    expect(await alert.locator('div').allTextContents()).toEqual([
      'The login URL could not be checked',
      'could not reach the login URL http://sp/login: ECONNREFUSED',
      'Is the SP running?',
    ]);
  });
});
