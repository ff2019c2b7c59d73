import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../runner/drivers/cookie-jar.ts';

describe('CookieJar', () => {
  it('shares host cookies across ports, as browsers do', () => {
    const jar = new CookieJar();
    jar.store(new URL('http://127.0.0.1:7000/saml/x/sso'), ['idp=1; Path=/; HttpOnly']);
    expect(jar.header(new URL('http://127.0.0.1:7100/'))).toBe('idp=1');
  });

  it('matches paths, honours Max-Age=0 and replaces cookies by name', () => {
    const jar = new CookieJar();
    const url = new URL('http://app.test/oidc/a/auth');
    jar.store(url, ['a=1; Path=/oidc/a', 'b=2; Path=/other', 'c=3; Path=/']);
    expect(jar.header(new URL('http://app.test/oidc/a/token'))).toBe('a=1; c=3');
    jar.store(url, ['c=4; Path=/', 'a=gone; Path=/oidc/a; Max-Age=0']);
    expect(jar.header(new URL('http://app.test/oidc/a/x'))).toBe('c=4');
  });

  it('keeps host-only cookies on their host and domain cookies on subdomains', () => {
    const jar = new CookieJar();
    jar.store(new URL('http://sp.example.test/'), ['h=1', 'd=2; Domain=example.test']);
    expect(jar.header(new URL('http://other.example.test/'))).toBe('d=2');
    expect(jar.header(new URL('http://sp.example.test/'))).toBe('h=1; d=2');
    jar.store(new URL('http://sp.example.test/'), ['evil=1; Domain=attacker.test']);
    expect(jar.header(new URL('http://attacker.test/'))).toBeUndefined();
  });
});

describe('SameSite and Secure, as Chromium applies them', () => {
  const sp = new URL('http://127.0.0.1:7001/oidc/x/callback');
  const cookies = [
    'lax=1; SameSite=Lax; Path=/',
    'strict=1; SameSite=Strict; Path=/',
    'none=1; SameSite=None; Secure; Path=/',
    'unspecified=1; Path=/',
    'none-insecure=1; SameSite=None; Path=/',
  ];

  it('a cross-site POST carries only SameSite=None cookies; a cross-site GET Lax ones too', () => {
    const jar = new CookieJar();
    jar.store(sp, cookies);
    expect(jar.header(sp, { sameSite: false, method: 'POST' })).toBe('none=1');
    expect(jar.header(sp, { sameSite: false, method: 'GET' })).toBe('lax=1; none=1; unspecified=1');
    expect(jar.header(sp, { sameSite: true, method: 'POST' })).toBe('lax=1; strict=1; none=1; unspecified=1');
  });

  it('keeps Secure cookies only from https or loopback http, and sends them only there', () => {
    const jar = new CookieJar();
    jar.store(new URL('http://sp.example/'), ['secure=1; Secure; Path=/']);
    expect(jar.header(new URL('https://sp.example/'))).toBeUndefined();
    jar.store(new URL('https://sp.example/'), ['secure=1; Secure; Path=/']);
    expect(jar.header(new URL('http://sp.example/'))).toBeUndefined();
    expect(jar.header(new URL('https://sp.example/'))).toBe('secure=1');
  });
});
