import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const explanation = {
  schema: 'sso-harness/explain@1',
  input: { kind: 'saml-base64', bytes: 4200 },
  captureTime: '2026-01-01T10:00:00.000Z',
  captureTimeSource: 'message',
  clockSkewSeconds: 120,
  context: { notes: [] },
  messages: [
    {
      index: 0,
      kind: 'saml-response',
      summary: 'Response from https://idp.example',
      decoded: '<samlp:Response/>',
    },
  ],
  flow: [],
  checks: [
    {
      id: 'saml.status',
      status: 'problem',
      message: 0,
      text: 'the IdP answered Responder',
      actual: 'Responder',
    },
  ],
  summary: { ok: 0, problem: 1, warning: 0 },
  outcome: 'readable',
  masked: true,
};

describe('<explain-view>', () => {
  it('sends the capture with the chosen target, connection, skew and masking, and lists the checks', async () => {
    await view.stubApi({
      '/targets': [
        {
          id: 'app',
          source: 'config',
          target: { displayName: 'The app', connections: { okta: {}, entra: {} } },
        },
      ],
      'POST /explain': explanation,
    });
    await view.open('/explain');
    await view.page.getByLabel('Captured message').fill('PHNhbWxwOlJlc3BvbnNlLz4=');
    await view.page.getByLabel('Connection').selectOption('entra');
    await view.page.getByLabel('Mask personal data').check();
    await view.page.getByText('IdP, time and clock skew').click();
    await view.page.getByLabel('Clock skew allowed (seconds)').fill('120');
    await view.page.getByRole('button', { name: 'Explain', exact: true }).click();
    await view.page.locator('check-list li.problem[data-check="saml.status"]').waitFor();
    expect(view.requests.find((r) => r.path === '/explain')?.body).toEqual({
      input: 'PHNhbWxwOlJlc3BvbnNlLz4=',
      mask: true,
      clockSkewSeconds: 120,
      target: 'app',
      connection: 'entra',
    });
    expect(await view.page.getByTestId('explain-totals').textContent()).toContain('✗ 1 problem');
    expect(await view.page.locator('explain-view').getByText('personal data masked').count()).toBe(1);
  });
});
