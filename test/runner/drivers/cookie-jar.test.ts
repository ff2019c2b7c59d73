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
