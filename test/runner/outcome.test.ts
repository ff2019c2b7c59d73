import { describe, expect, it } from 'vitest';
import type { ProbeConfig } from '../../config/schema.ts';
import type { ProbeResponse } from '../../runner/drivers/types.ts';
import { type IdentityCandidate, judgeProbe } from '../../runner/outcome.ts';

/** One test per row of the README's outcome table ("How a verdict is read"), in its order. */
const sp = 'http://127.0.0.1:4100';
const harness = 'http://127.0.0.1:4000';
const probe: ProbeConfig = { url: `${sp}/me` };
const alice: IdentityCandidate = { role: 'expected', shows: 'alice@example.com' };
const bob: IdentityCandidate = { role: 'forbidden', shows: 'bob@example.com' };

function answer(overrides: Partial<ProbeResponse> = {}): ProbeResponse {
  return {
    url: `${sp}/me`,
    status: 200,
    finalUrl: `${sp}/me`,
    body: '{"user":{"email":"alice@example.com"}}',
    contentType: 'application/json',
    stoppedAtIdp: false,
    ...overrides,
  };
}

function judge(
  response: ProbeResponse,
  options: { probe?: Partial<ProbeConfig>; candidates?: IdentityCandidate[]; sessionPath?: string } = {},
) {
  return judgeProbe({
    probe: { ...probe, ...options.probe },
    response,
    candidates: options.candidates ?? [alice],
    harnessOrigins: [harness],
    learned: options.sessionPath ? { sessionPath: options.sessionPath } : undefined,
  });
}

describe('the outcome table', () => {
  it('harness-page: the SP sent the probe to the IdP: no session, never read', () => {
    const stopped = judge(
      answer({
        status: 302,
        finalUrl: `${harness}/saml/okta/sso?SAMLRequest=x`,
        body: '',
        stoppedAtIdp: true,
      }),
    );
    expect([stopped.row, stopped.session]).toEqual(['harness-page', false]);
    // A page the harness served (its sign-in page lists alice) is never searched.
    const served = judge(
      answer({ finalUrl: `${harness}/saml/okta/sso`, body: 'Sign in as alice@example.com' }),
    );
    expect([served.row, served.session]).toEqual(['harness-page', false]);
  });

  it('other-origin: the probe ended on another origin: no session', () => {
    const o = judge(answer({ finalUrl: 'http://127.0.0.1:9999/login' }));
    expect([o.row, o.session]).toEqual(['other-origin', false]);
  });

  it('status: 3xx, 4xx and 5xx are no session (a 500 is the SP refusing, kept as evidence)', () => {
    for (const status of [302, 401, 403, 500, 503]) {
      const o = judge(answer({ status }));
      expect([o.row, o.session, o.status]).toEqual(['status', false, status]);
    }
    expect(judge(answer({ status: 201 }), { probe: { status: 200 } }).row).toBe('status');
  });

  it('final-url: probe.finalUrl set and not matched: no session', () => {
    const o = judge(answer({ finalUrl: `${sp}/login` }), { probe: { finalUrl: '/me$' } });
    expect([o.row, o.session]).toEqual(['final-url', false]);
    expect(judge(answer(), { probe: { finalUrl: '/me$' } }).row).toBe('session');
  });

  it('calibrated-url: calibration saw the logged-out page elsewhere: no session there', () => {
    const o = judge(
      answer({ finalUrl: `${sp}/signin`, contentType: 'text/html', body: '<li>alice@example.com</li>' }),
      {
        sessionPath: '/me',
      },
    );
    expect([o.row, o.session]).toEqual(['calibrated-url', false]);
  });

  it('selector: probe.selector set and absent: no session', () => {
    const html = { contentType: 'text/html', body: '<p>alice@example.com</p>' };
    expect(judge(answer(html), { probe: { selector: '#account' } }).row).toBe('selector');
    expect(
      judge(answer({ ...html, body: '<p id="account">alice@example.com</p>' }), {
        probe: { selector: '#account' },
      }).row,
    ).toBe('session');
  });

  it('no-identity: a 200 page without the identity is no session', () => {
    const o = judge(answer({ body: '{"user":null,"error":"not signed in"}' }));
    expect([o.row, o.session]).toEqual(['no-identity', false]);
  });

  it('no-identity: identities match exactly, case-sensitively, on token boundaries', () => {
    for (const body of [
      'ALICE@EXAMPLE.COM',
      'Alice@Example.com',
      'notalice@example.com',
      'alice@example.com.evil.example',
      'malice@example.com',
    ]) {
      expect(judge(answer({ body, contentType: 'text/plain' })).row, body).toBe('no-identity');
    }
    for (const body of [
      'Signed in as alice@example.com.',
      '<b>alice@example.com</b>',
      '"alice@example.com"',
      '(alice@example.com)',
    ]) {
      expect(judge(answer({ body, contentType: 'text/html' })).row, body).toBe('session');
    }
  });

  it('session: otherwise, a session as the identity shown', () => {
    const o = judge(answer());
    expect([o.row, o.session, o.identity, o.asExpectedUser]).toEqual([
      'session',
      true,
      'alice@example.com',
      true,
    ]);
  });

  it('session: a page that shows the forbidden identity is a session as it, whatever else it shows', () => {
    const o = judge(answer({ body: 'alice@example.com bob@example.com', contentType: 'text/plain' }), {
      candidates: [alice, bob],
    });
    expect([o.identity, o.asForbiddenIdentity, o.asExpectedUser]).toEqual(['bob@example.com', true, true]);
  });

  it('reads the identity where probe.identity points, and compares it exactly', () => {
    const json = answer({ body: '{"user":{"email":"Alice@example.com"}}' });
    const o = judge(json, { probe: { identity: { jsonPointer: '/user/email' } } });
    expect([o.row, o.session, o.identity, o.asExpectedUser]).toEqual([
      'session',
      true,
      'Alice@example.com',
      false,
    ]);
    const html = answer({ contentType: 'text/html', body: '<span class="who">alice@example.com</span>' });
    expect(judge(html, { probe: { identity: { selector: '.who' } } }).asExpectedUser).toBe(true);
    const text = answer({ contentType: 'text/html', body: '<p>Signed in as <b>alice@example.com</b></p>' });
    expect(judge(text, { probe: { identity: { regex: 'Signed in as (\\S+)' } } }).identity).toBe(
      'alice@example.com',
    );
    expect(judge(answer({ body: '{}' }), { probe: { identity: { jsonPointer: '/user/email' } } }).row).toBe(
      'no-identity',
    );
  });
});
