import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../runner/drivers/find-chromium.ts';
import { htmlReporter } from '../../../runner/reporters/html.ts';
import type { HttpStep } from '../../../runner/types.ts';
import { tempDir } from '../../support/idp.ts';
import { resultOf, runOf } from '../../support/run-records.ts';

const sp = 'http://127.0.0.1:7100';
const idp = 'http://127.0.0.1:7000';

const step = (index: number, over: Partial<HttpStep> & Pick<HttpStep, 'url' | 'cause'>): HttpStep => ({
  index,
  method: 'GET',
  status: 200,
  durationMs: 3,
  ...over,
});

/** A SAML login the lax SP accepted: SP login -> IdP -> auto-post to the ACS -> home -> probe. */
const samlHttp: HttpStep[] = [
  step(0, {
    url: `${sp}/login/saml`,
    cause: 'navigate',
    status: 302,
    location: `${idp}/saml/demo-saml/sso?SAMLRequest=x`,
  }),
  step(1, { url: `${idp}/saml/demo-saml/sso?SAMLRequest=x`, cause: 'redirect', contentType: 'text/html' }),
  step(2, {
    method: 'POST',
    url: `${sp}/saml/acs`,
    cause: 'form',
    form: { SAMLResponse: 'PHNhbWxwOlJlc3BvbnNl' },
    status: 302,
    location: '/home',
    contentType: 'text/plain; charset=utf-8',
    bodyExcerpt: 'Found. Redirecting to /home',
  }),
  step(3, { url: `${sp}/home`, cause: 'redirect', contentType: 'text/html', bodyExcerpt: '<h1>Home</h1>' }),
  step(4, {
    url: `${sp}/me`,
    cause: 'probe',
    contentType: 'application/json',
    bodyExcerpt: '{"email":"alice@example.com","note":"<script>alert(1)</script>"}',
  }),
];

/** An OIDC login the RP refused at its callback: the redirect into the SP carries the code. */
const oidcHttp: HttpStep[] = [
  step(0, {
    url: `${sp}/login/oidc`,
    cause: 'navigate',
    status: 302,
    location: `${idp}/oidc/demo-oidc/auth`,
  }),
  step(1, {
    url: `${idp}/oidc/demo-oidc/auth`,
    cause: 'redirect',
    status: 303,
    location: `${sp}/oidc/callback?code=SECRETCODE&state=s1`,
  }),
  step(2, {
    url: `${sp}/oidc/callback?code=SECRETCODE&state=s1`,
    cause: 'redirect',
    status: 401,
    contentType: 'text/html',
    bodyExcerpt: 'nonce mismatch',
  }),
  step(3, {
    url: `${sp}/me`,
    cause: 'probe',
    status: 401,
    contentType: 'text/plain',
    bodyExcerpt: 'not logged in',
  }),
];

describe('HTML report evidence', () => {
  it('shows each result’s fault parameters and the SP’s answers at the ACS / callback and the probe', async () => {
    const file = join(tempDir(), 'report.html');
    const saml = resultOf('saml.audience', 'fail', {
      faults: [
        { fault: 'saml.audience', params: { audience: 'https://other-sp.example', client_secret: 'hush' } },
      ],
      faultSummaries: ['the Audience names another SP'],
      http: samlHttp,
      screenshot: 'iVBORw0KGgo=',
    });
    const oidc = resultOf('oidc.nonce', 'pass', {
      key: 'oidc.nonce @ app',
      protocol: 'oidc',
      faults: [{ fault: 'oidc.nonce', params: { nonce: 'wrong' } }],
      http: oidcHttp,
    });
    const clean = resultOf('saml.clean', 'pass', { key: 'saml.clean @ app' });
    await htmlReporter(file).onEnd!(runOf('run-1', '2026-01-01T00:00:00.000Z', [saml, oidc, clean]));
    const text = await readFile(file, 'utf8');
    const page = parse(text);
    const section = (key: string) => page.querySelector(`details#r-${key.replace(/[^a-zA-Z0-9-]+/g, '-')}`)!;
    const terms = (key: string) =>
      Object.fromEntries(
        section(key)
          .querySelectorAll('dl > dt')
          .map((dt) => [dt.text, dt.nextElementSibling!]),
      );

    const s = terms('saml.audience @ app');
    expect(JSON.parse(s['fault parameters']!.text)).toEqual([
      { fault: 'saml.audience', params: { audience: 'https://other-sp.example', client_secret: '«masked»' } },
    ]);
    const acs = s['SP answer at the ACS / callback']!;
    expect(acs.text).toContain(`POST ${sp}/saml/acs`);
    expect(acs.text).toContain('status 302 · Location /home · content type text/plain; charset=utf-8');
    expect(acs.querySelector('pre')!.text).toBe('Found. Redirecting to /home');
    const probe = s['SP answer at the probe']!;
    expect(probe.text).toContain(`GET ${sp}/me`);
    expect(probe.text).toContain('status 200 · content type application/json');
    // The body is shown as text: the SP's markup never becomes the report's.
    expect(probe.querySelector('pre')!.text).toBe(
      '{"email":"alice@example.com","note":"<script>alert(1)</script>"}',
    );
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(section('saml.audience @ app').querySelector('img')!.getAttribute('src')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );

    const o = terms('oidc.nonce @ app');
    expect(JSON.parse(o['fault parameters']!.text)).toEqual([
      { fault: 'oidc.nonce', params: { nonce: 'wrong' } },
    ]);
    const callback = o['SP answer at the ACS / callback']!;
    expect(callback.text).toContain(`GET ${sp}/oidc/callback?code=`);
    expect(callback.text).not.toContain('SECRETCODE');
    expect(callback.text).toContain('status 401 · content type text/html');
    expect(callback.querySelector('pre')!.text).toBe('nonce mismatch');
    expect(o['SP answer at the probe']!.text).toContain('status 401');
    expect(text).not.toContain('SECRETCODE');

    const c = terms('saml.clean @ app');
    expect(c['fault parameters']).toBeUndefined();
    expect(c['SP answer at the probe']).toBeUndefined();
  });
});

describe('HTML report against a hostile SP', () => {
  it('shows what the SP and the messages said as text: nothing in them runs, loads or becomes markup', async () => {
    const hostile = '</pre></dd></dl><img src="http://evil.invalid/i.png" onerror="window.pwned=1">';
    const script = '<script>window.pwned=2</script><iframe src="http://evil.invalid/"></iframe>';
    const http: HttpStep[] = [
      ...samlHttp.slice(0, 2),
      {
        ...samlHttp[2]!,
        status: 500,
        location: undefined,
        setCookies: ['<b>sid</b>', 'csrf'],
        bodyText: `Server error ${hostile} ${script}`,
      },
      {
        ...samlHttp[4]!,
        status: 401,
        bodyText: '<link rel="stylesheet" href="http://evil.invalid/s.css"><style>body{display:none}</style>',
      },
    ];
    const trace = (id: number, audience: string) => ({
      id,
      time: '2026-01-01T00:00:00.000Z',
      provider: 'demo-saml',
      flowId: 'f',
      protocol: 'saml' as const,
      direction: 'out' as const,
      binding: 'HTTP-POST',
      kind: 'Response',
      summary: `Response ${script}`,
      decoded: `<samlp:Response ID="_${id}">\n  <saml:Audience>${audience}</saml:Audience>\n</samlp:Response>`,
    });
    const faulted = resultOf('saml.audience', 'fail', {
      title: `audience ${script}`,
      faults: [{ fault: 'saml.audience', params: { audience: hostile } }],
      faultSummaries: [script],
      http,
      trace: [trace(2, hostile)],
      screenshot: 'iVBORw0KGgo=" onerror="window.pwned=3',
    });
    const clean = resultOf('saml.clean', 'pass', {
      key: 'saml.clean @ app',
      trace: [trace(1, 'https://sp.example')],
    });
    const file = join(tempDir(), 'hostile.html');
    await htmlReporter(file).onEnd!(runOf('run-h', '2026-01-01T00:00:00.000Z', [faulted, clean]));

    const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await page.goto(`file://${file}`);
      await page.locator('details#r-saml-audience-app').evaluate((d) => {
        (d as HTMLDetailsElement).open = true;
      });
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
      expect(dialogs).toBe(0);
      expect(await page.locator('script, iframe, link, body style ~ style').count()).toBe(0);
      // The only image is the screenshot, kept inside its data: URL.
      expect(await page.locator('img').count()).toBe(1);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
      const section = page.locator('details#r-saml-audience-app');
      await expect.poll(() => section.innerText()).toContain(`Server error ${hostile} ${script}`);
      const text = await section.innerText();
      expect(text).toContain('<b>sid</b>');
      expect(text).toContain('<link rel="stylesheet" href="http://evil.invalid/s.css">');
      // The diff against the clean login, as text too.
      expect(await section.locator('.diff pre .add').innerText()).toBe(
        `+   <saml:Audience>${hostile}</saml:Audience>`,
      );
      expect(await section.locator('.diff pre .del').innerText()).toBe(
        '-   <saml:Audience>https://sp.example</saml:Audience>',
      );
      expect(await page.locator('body').isVisible()).toBe(true);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
