import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../../api/types.ts';
import { curlCommand, decodeJwt, jwtsIn, matchBaseline, shortUrl } from './evidence.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${b64({ alg: 'RS256', kid: 'k1' })}.${b64({ sub: 'alice', email: 'alice@example.com' })}.c2ln`;

const entry = (id: number, kind: string, extra: Partial<TraceEntry> = {}): TraceEntry => ({
  id,
  time: '2026-01-01T00:00:00Z',
  provider: 'p',
  flowId: undefined,
  protocol: 'oidc',
  direction: 'out',
  binding: undefined,
  kind,
  summary: '',
  ...extra,
});

describe('evidence helpers', () => {
  it('decode a JWT header and payload, and find tokens in a token response', () => {
    expect(JSON.parse(decodeJwt(token)!.header)).toEqual({ alg: 'RS256', kid: 'k1' });
    expect(decodeJwt('not.a.jwt!')).toBeUndefined();
    const found = jwtsIn(
      entry(1, 'token', { decoded: JSON.stringify({ id_token: token, access_token: 'opaque' }) }),
    );
    expect(found.map((f) => f.name)).toEqual(['id_token']);
    expect(JSON.parse(found[0]!.jwt.payload).email).toBe('alice@example.com');
  });

  it('read tokens the IdP traced already split into header and payload', () => {
    const decoded = JSON.stringify({
      id_token: { header: { alg: 'RS256' }, payload: { sub: 's1' } },
      expires_in: 3600,
    });
    const [found] = jwtsIn(entry(2, 'token', { decoded }));
    expect(found!.name).toBe('id_token');
    expect(JSON.parse(found!.jwt.payload)).toEqual({ sub: 's1' });
  });

  it('write a cURL command that posts the same form', () => {
    expect(
      curlCommand({
        index: 0,
        method: 'POST',
        url: 'https://sp.example/acs',
        form: { SAMLResponse: 'PHNh', RelayState: "it's" },
        status: 302,
        cause: 'form',
        durationMs: 1,
      }),
    ).toBe(
      `curl -i -X POST --data-urlencode 'SAMLResponse=PHNh' --data-urlencode 'RelayState=it'\\''s' 'https://sp.example/acs'`,
    );
  });

  it('pair messages with the clean login by direction, kind and order', () => {
    const pairs = matchBaseline(
      [entry(1, 'AuthnRequest', { direction: 'in' }), entry(2, 'Response'), entry(3, 'Response')],
      [entry(10, 'AuthnRequest', { direction: 'in' }), entry(11, 'Response')],
    );
    expect([...pairs.entries()].map(([id, b]) => [id, b.id])).toEqual([
      [1, 10],
      [2, 11],
    ]);
  });

  it('shorten long query values for tables', () => {
    const long = 'x'.repeat(300);
    expect(shortUrl(`https://idp.example/sso?SAMLRequest=${long}&RelayState=abc`)).toBe(
      'https://idp.example/sso?SAMLRequest=…(300 chars)&RelayState=abc',
    );
  });
});
