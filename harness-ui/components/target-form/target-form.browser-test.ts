import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const provider = (id: string, protocol: string) => ({
  id,
  protocol,
  displayName: id.toUpperCase(),
  persona: 'generic',
  disabled: false,
  entityId: id,
  metadataUrl: '',
  baseUrl: '',
  certificates: [],
  relyingParties: [],
});
const saved = {
  id: 'okta-app',
  source: 'saved',
  target: {
    displayName: 'Okta app',
    connections: { okta: { provider: 'okta', sp: 'okta-app', loginUrl: 'http://sp/login', tags: [] } },
    probe: { url: 'http://sp/me', contains: '{{user.email}}', status: 200 },
  },
  sp: { provider: 'okta', name: 'okta-app', source: 'paste' },
};

async function stub(extra: Record<string, unknown> = {}) {
  await view.stubApi({
    '/targets': [saved],
    '/providers': [provider('okta', 'saml'), provider('google', 'oidc')],
    ...extra,
  });
  await view.open('/targets');
  await view.page.getByRole('heading', { name: 'Okta app' }).waitFor();
}
/** The note the list shows once a target is saved (read by CSS: text queries race the re-render). */
async function savedNote(text: string) {
  const note = view.page.locator('targets-view p.badge[role="status"]');
  await note.waitFor();
  expect(await note.textContent()).toBe(text);
}
const lastBody = (method: string) => view.requests.filter((r) => r.method === method).at(-1)?.body;

describe('<target-form>', () => {
  it('imports uploaded metadata with the login URL and probe', async () => {
    await stub({ 'POST /targets/import-metadata': { status: 201, json: { target: saved, metadata: {} } } });
    await view.page.getByRole('button', { name: '+ Add a target' }).click();
    await view.page.getByLabel('Upload a file').check();
    await view.page
      .getByLabel('Metadata file (XML)')
      .setInputFiles({ name: 'sp.xml', mimeType: 'text/xml', buffer: Buffer.from('<md:EntityDescriptor/>') });
    await view.page.getByLabel('Login URL').fill('http://sp/login');
    await view.page.getByLabel('Probe URL').fill('http://sp/me');
    await view.page.getByRole('button', { name: 'Import and save' }).click();
    await savedNote('✓ Saved target okta-app');
    expect(lastBody('POST')).toEqual({
      source: 'upload',
      provider: 'okta',
      loginUrl: 'http://sp/login',
      probe: { url: 'http://sp/me', contains: '{{user.email}}', status: 200 },
      metadataXml: '<md:EntityDescriptor/>',
    });
  });

  it('describes an OIDC target by hand', async () => {
    await stub({ 'PUT /targets/mine': { status: 201, json: { ...saved, id: 'mine' } } });
    await view.page.getByRole('button', { name: '+ Add a target' }).click();
    await view.page.getByRole('tab', { name: 'Describe it by hand' }).click();
    await view.page.getByLabel('OIDC').check();
    await view.page.getByLabel('Client ID').fill('my-client');
    await view.page.getByLabel('Target id').fill('mine');
    await view.page.getByLabel('Login URL').fill('http://sp/login/google');
    await view.page.getByLabel('Probe URL').fill('http://sp/me');
    await view.page.getByRole('button', { name: 'Save target' }).click();
    await savedNote('✓ Saved target mine');
    expect(lastBody('PUT')).toMatchObject({
      connections: {
        google: { provider: 'google', client: 'my-client', loginUrl: 'http://sp/login/google' },
      },
      probe: { url: 'http://sp/me' },
    });
  });

  it('edits a saved target, and keeps the form open with the error when saving fails', async () => {
    await stub({
      'PUT /targets/okta-app': {
        status: 400,
        json: {
          error: {
            code: 'BAD_REQUEST',
            message: 'probe.url: expected an absolute URL',
            hint: 'Fix the probe.',
          },
        },
      },
    });
    await view.page.getByRole('button', { name: 'Edit' }).click();
    await view.page.getByLabel('Login URL of connection "okta" (okta)').fill('http://sp/new-login');
    await view.page.getByRole('button', { name: 'Save target' }).click();
    await view.page
      .locator('target-form')
      .getByRole('alert')
      .getByText('probe.url: expected an absolute URL')
      .waitFor();
    expect(lastBody('PUT')).toMatchObject({
      connections: { okta: { loginUrl: 'http://sp/new-login', sp: 'okta-app' } },
    });
  });
});
