import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
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
