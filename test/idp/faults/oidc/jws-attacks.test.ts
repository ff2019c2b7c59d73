import { createHmac } from 'node:crypto';
import {
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  importJWK,
  importX509,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestIdp } from '../../../support/idp.ts';
import { CLIENT, loginWithFaults, startFaultIdp, verifyAgainstJwks } from './support.ts';

const hmac = (compact: string, secret: string) => {
  const [header, payload] = compact.split('.');
  return createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
};

describe('OIDC id_token header attacks, as the RP receives them', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startFaultIdp();
  });
  afterAll(() => idp.stop());

  async function idToken(fault: string, params: Record<string, unknown>) {
    const login = await loginWithFaults(idp, [{ fault, params }]);
    login.end();
    return { ...login.idToken!, issuer: login.issuer };
  }

  it('names an untrusted key in the header: jwk, jku and x5u served by the provider, x5c; only that key verifies', async () => {
    const jwk = await idToken('oidc.id-token.header-key', { member: 'jwk' });
    expect(jwk.header.jwk).toMatchObject({ kty: 'RSA', kid: jwk.header.kid });
    expect(jwk.header.jwk).not.toHaveProperty('d');
    await compactVerify(jwk.compact, await importJWK(jwk.header.jwk as JWK, 'RS256'));
    expect(await verifyAgainstJwks(jwk.issuer, jwk.compact)).toMatch(/JWKSNoMatchingKey/);

    const jku = await idToken('oidc.id-token.header-key', { member: 'jku' });
    expect(jku.header.jku).toBe(`${jku.issuer}/untrusted-keys/jwks`);
    const served = (await (await fetch(jku.header.jku as string)).json()) as JSONWebKeySet;
    await compactVerify(jku.compact, createLocalJWKSet(served));

    const x5u = await idToken('oidc.id-token.header-key', { member: 'x5u' });
    const pem = await (await fetch(x5u.header.x5u as string)).text();
    await compactVerify(x5u.compact, await importX509(pem, 'RS256'));

    const x5c = await idToken('oidc.id-token.header-key', { member: 'x5c' });
    const chain = x5c.header.x5c as string[];
    expect(chain).toHaveLength(1);
    const certificate = `-----BEGIN CERTIFICATE-----\n${chain[0]}\n-----END CERTIFICATE-----`;
    await compactVerify(x5c.compact, await importX509(certificate, 'RS256'));
    expect(await verifyAgainstJwks(x5c.issuer, x5c.compact)).toBeDefined();
  });

  it('signs HS256 with the secret a kid injection or a careless setup yields', async () => {
    const traversal = await idToken('oidc.id-token.kid-injection', {});
    expect(traversal.header).toMatchObject({ alg: 'HS256', kid: '../../../../../../../dev/null' });
    expect(traversal.compact.split('.')[2]).toBe(hmac(traversal.compact, ''));

    const sql = await idToken('oidc.id-token.kid-injection', { kid: "x' UNION SELECT 'k' --", secret: 'k' });
    expect(sql.compact.split('.')[2]).toBe(hmac(sql.compact, 'k'));

    const client = await idToken('oidc.id-token.hmac-secret', { secret: 'client-secret' });
    expect(client.header.alg).toBe('HS256');
    expect(client.header).not.toHaveProperty('kid');
    expect(client.compact.split('.')[2]).toBe(hmac(client.compact, CLIENT.secret));

    const empty = await idToken('oidc.id-token.hmac-secret', { secret: 'empty' });
    expect(empty.compact.split('.')[2]).toBe(hmac(empty.compact, ''));
  });

  it('forges signatures without a key: empty, and ES256 with r = s = 0 under the EC key', async () => {
    const empty = await idToken('oidc.id-token.forged-signature', { mode: 'empty' });
    expect(empty.header.alg).toBe('RS256');
    expect(empty.compact.endsWith('.')).toBe(true);

    const psychic = await idToken('oidc.id-token.forged-signature', { mode: 'ecdsa-zero' });
    const jwks = (await (await fetch(`${psychic.issuer}/jwks`)).json()) as JSONWebKeySet;
    expect(psychic.header).toMatchObject({ alg: 'ES256', kid: jwks.keys.find((k) => k.kty === 'EC')?.kid });
    expect(Buffer.from(psychic.compact.split('.')[2]!, 'base64url')).toEqual(Buffer.alloc(64));
  });

  it('writes header members and alg spellings as asked, the payload untouched', async () => {
    const crit = await idToken('oidc.id-token.header', {
      set: { crit: ['urn:x'], 'urn:x': 1, typ: 'at+jwt' },
    });
    expect(crit.header).toMatchObject({ alg: 'RS256', crit: ['urn:x'], 'urn:x': 1, typ: 'at+jwt' });
    expect(crit.payload.aud).toBe(CLIENT.id);
    // Signed again by the provider key: valid for a verifier that understands urn:x.
    expect(await verifyAgainstJwks(crit.issuer, crit.compact)).toMatch(/"urn:x" is not recognized/);
    const jwks = (await (await fetch(`${crit.issuer}/jwks`)).json()) as JSONWebKeySet;
    await compactVerify(crit.compact, createLocalJWKSet(jwks), { crit: { 'urn:x': true } });

    const unknown = await idToken('oidc.id-token.header', { set: { alg: 'XS256' }, signature: 'empty' });
    expect(unknown.header.alg).toBe('XS256');
    expect(unknown.compact.endsWith('.')).toBe(true);

    const none = await idToken('oidc.id-token.alg-none', { spelling: 'nOnE' });
    expect(none.header).toEqual({ alg: 'nOnE' });
    expect(none.compact.endsWith('.')).toBe(true);
  });

  it('encrypts the signed id_token to a key the client does not have', async () => {
    const login = await loginWithFaults(idp, [{ fault: 'oidc.id-token.encrypt', params: { to: 'other' } }]);
    login.end();
    const jwe = login.token!.body.id_token as string;
    expect(jwe.split('.')).toHaveLength(5);
    expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' });
    expect(login.error).toBeDefined();
    const traced = idp.context.trace
      .list()
      .filter(
        (entry) => entry.flowId === login.flow.id && entry.kind === 'token' && entry.direction === 'out',
      );
    expect(JSON.parse(traced.at(-1)!.decoded!).id_token).toMatchObject({
      header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' },
      encrypted: true,
    });
  });
});
