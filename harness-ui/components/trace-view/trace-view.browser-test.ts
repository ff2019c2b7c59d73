import { beforeAll, describe, expect, it } from 'vitest';
import { type ComponentPage, sharedComponentPage } from '../../../test/ui/support/component-page.ts';

let view: ComponentPage;
beforeAll(async () => {
  view = await sharedComponentPage();
});

const entry = (id: number, direction: string, kind: string, provider: string) => ({
  id,
  time: `2026-01-01T10:00:0${id}Z`,
  provider,
  flowId: undefined,
  protocol: 'saml',
  direction,
  binding: 'HTTP-POST',
  kind,
  summary: `${kind} ${id}`,
  decoded: `<samlp:${kind} ID="_${id}"/>`,
});

describe('<trace-view>', () => {
  it('lists messages newest first, adds live ones, and filters by provider, direction and text', async () => {
    await view.stubApi({
      '/trace': [entry(1, 'in', 'AuthnRequest', 'okta'), entry(2, 'out', 'Response', 'okta')],
      '/providers': [],
      '/trace/stream': { events: [{ event: 'entry', data: entry(3, 'in', 'LogoutRequest', 'adfs') }] },
    });
    await view.open('/trace');
    const rows = view.page.locator('trace-view [role="listitem"]');
    await view.page.getByText('LogoutRequest 3').waitFor();
    expect(await rows.locator('.kind').allTextContents()).toEqual([
      'LogoutRequest (HTTP-POST)',
      'Response (HTTP-POST)',
      'AuthnRequest (HTTP-POST)',
    ]);
    await view.page.getByLabel('Direction').selectOption('out');
    expect(await rows.count()).toBe(1);
    await view.page.getByLabel('Direction').selectOption('');
    await view.page.getByLabel('Provider').selectOption('adfs');
    expect(await rows.count()).toBe(1);
    await view.page.getByLabel('Provider').selectOption('');
    await view.page.getByLabel('Search').fill('_2');
    expect(await rows.count()).toBe(1);
    await rows.first().getByRole('button').click();
    await rows.first().locator('code-view').getByText('<samlp:Response ID="_2"/>').waitFor();
  });

  it('shows what was signed with which key, JWT times as dates, and the id_token as it travelled', async () => {
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const header = { alg: 'RS256', kid: 'k1' };
    const payload = { sub: 'alice', iat: 1796063400, exp: 1796067000, auth_time: 1796063390 };
    const idToken = `${b64(header)}.${b64(payload)}.c2ln`;
    await view.stubApi({
      '/trace': [
        {
          ...entry(1, 'out', 'Response', 'okta'),
          signature: { signed: ['Response', 'Assertion'], alg: 'rsa-sha256', keyKind: 'expired' },
        },
        { ...entry(2, 'out', 'Response', 'okta'), signature: { signed: [] } },
        {
          ...entry(3, 'out', 'token', 'entra'),
          protocol: 'oidc',
          binding: 'back-channel',
          decoded: JSON.stringify({ token_type: 'Bearer', id_token: { header, payload } }, null, 2),
          raw: idToken,
          signature: { signed: ['id_token'], alg: 'RS256', keyKind: 'current' },
        },
      ],
      '/providers': [],
      '/trace/stream': { events: [] },
    });
    await view.open('/trace');
    const rows = view.page.locator('trace-view [role="listitem"]');
    await rows.nth(2).waitFor();
    expect(await rows.locator('.sig').allTextContents()).toEqual([
      'signed · current',
      'unsigned',
      'signed · expired',
    ]);

    await rows.nth(2).getByRole('button').first().click();
    expect(await rows.nth(2).locator('dd.signature').textContent()).toBe(
      "Response, Assertion signed with rsa-sha256 by the harness's expired key",
    );
    await rows.nth(1).getByRole('button').first().click();
    expect(await rows.nth(1).locator('dd.signature').textContent()).toBe('not signed');

    const token = rows.nth(0);
    await token.getByRole('button').first().click();
    expect(await token.locator('dd.signature').textContent()).toBe(
      "id_token signed with RS256 by the harness's current key",
    );
    const times = token.getByRole('definition').filter({ hasText: '(' });
    expect(await times.allTextContents()).toEqual([
      '1796063400 (2026-11-30 18:30:00 UTC)',
      '1796067000 (2026-11-30 19:30:00 UTC)',
      '1796063390 (2026-11-30 18:29:50 UTC)',
    ]);
    const raw = token.locator('code-view', { hasText: 'id_token as sent (JWT)' });
    expect(await raw.locator('.code').textContent()).toContain(idToken);
    await raw.getByRole('button', { name: 'Copy id_token as sent (JWT)' }).click();
    expect(await view.page.evaluate(() => navigator.clipboard.readText())).toBe(idToken);
  });
});
