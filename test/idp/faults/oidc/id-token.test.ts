import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestIdp } from '../../../support/idp.ts';
import { CLIENT, explain, loginWithFaults, startFaultIdp, verifyAgainstJwks } from './support.ts';

describe('OIDC id_token faults, seen by openid-client', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startFaultIdp();
  });
  afterAll(() => idp.stop());

  const now = () => Math.floor(Date.now() / 1000);

  it('changes only what it names: a clean login verifies, iss/aud/nonce faults are refused by the RP', async () => {
    const clean = await loginWithFaults(idp, []);
    clean.end();
    expect(clean.error).toBeUndefined();
    expect(await verifyAgainstJwks(clean.issuer, clean.idToken!.compact)).toBeUndefined();

    for (const [fault, params, refused] of [
      ['oidc.id-token.issuer', {}, /iss/],
      ['oidc.id-token.audience', { mode: 'wrong' }, /aud/],
      ['oidc.id-token.nonce', { mode: 'wrong' }, /nonce/],
      ['oidc.id-token.expired', { secondsAgo: 600 }, /exp/],
    ] as const) {
      const login = await loginWithFaults(idp, [{ fault, params }]);
      login.end();
      expect(explain(login.error), fault).toMatch(refused);
      // Re-signed with the provider key: only the claim is wrong, not the signature.
      expect(await verifyAgainstJwks(login.issuer, login.idToken!.compact)).toBeUndefined();
    }
  });

  it('writes the registered claims as asked', async () => {
    const cases = [
      [
        { fault: 'oidc.id-token.audience', params: { mode: 'extra', audience: 'other' } },
        { aud: [CLIENT.id, 'other'] },
      ],
      [{ fault: 'oidc.id-token.audience', params: { mode: 'array' } }, { aud: [CLIENT.id] }],
      [{ fault: 'oidc.id-token.azp', params: { azp: 'other' } }, { azp: 'other' }],
      [{ fault: 'oidc.id-token.subject', params: { sub: 'someone-else' } }, { sub: 'someone-else' }],
      [
        { fault: 'oidc.id-token.hash-claims', params: { claims: ['at_hash'] } },
        { at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' },
      ],
      [
        { fault: 'oidc.id-token.claims', params: { set: { acr: 'weak' }, remove: ['auth_time'] } },
        { acr: 'weak' },
      ],
    ] as const;
    for (const [fault, expected] of cases) {
      const login = await loginWithFaults(idp, [fault]);
      login.end();
      expect(login.idToken!.payload, fault.fault).toMatchObject(expected);
    }
    const noAud = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.audience', params: { mode: 'missing' } },
    ]);
    const noNonce = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.nonce', params: { mode: 'missing' } },
    ]);
    const noAuthTime = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.claims', params: { remove: ['auth_time'] } },
    ]);
    for (const l of [noAud, noNonce, noAuthTime]) l.end();
    expect(noAud.idToken!.payload).not.toHaveProperty('aud');
    expect(noNonce.idToken!.payload).not.toHaveProperty('nonce');
    expect(noAuthTime.idToken!.payload).not.toHaveProperty('auth_time');
  });

  it('moves iat and nbf while keeping exp after them', async () => {
    const future = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.issued-at', params: { offsetSeconds: 600 } },
    ]);
    const past = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.issued-at', params: { offsetSeconds: -86400 } },
    ]);
    const nbf = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.not-before', params: { secondsAhead: 600 } },
    ]);
    for (const l of [future, past, nbf]) l.end();
    const f = future.idToken!.payload as { iat: number; exp: number };
    expect(f.iat).toBeGreaterThanOrEqual(now() + 590);
    expect(f.exp).toBeGreaterThan(f.iat);
    const p = past.idToken!.payload as { iat: number; exp: number };
    expect(p.iat).toBeLessThan(now() - 86000);
    expect(p.exp).toBeGreaterThan(now());
    const n = nbf.idToken!.payload as { nbf: number; exp: number };
    expect(n.nbf).toBeGreaterThanOrEqual(now() + 590);
    expect(n.exp).toBeGreaterThan(n.nbf);
  });

  it('signs with a rogue key under the current kid, or under its own kid: neither verifies', async () => {
    const current = await idp.context.keys.get('op', 'current');
    const rogue = await idp.context.keys.get('op', 'rogue');
    const keep = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.key', params: { kind: 'rogue', kid: 'keep' } },
    ]);
    const follow = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.key', params: { kind: 'rogue', kid: 'follow' } },
    ]);
    for (const l of [keep, follow]) l.end();
    expect(keep.idToken!.header.kid).toBe(current.kid);
    expect(await verifyAgainstJwks(keep.issuer, keep.idToken!.compact)).toMatch(
      /signature verification failed/,
    );
    expect(follow.idToken!.header.kid).toBe(rogue.kid);
    expect(await verifyAgainstJwks(follow.issuer, follow.idToken!.compact)).toMatch(/no applicable key/i);
  });

  it('leaves the kid out or names an unknown one, with a valid signature', async () => {
    const absent = await loginWithFaults(idp, [{ fault: 'oidc.id-token.kid', params: { mode: 'absent' } }]);
    const unknown = await loginWithFaults(idp, [{ fault: 'oidc.id-token.kid', params: { mode: 'unknown' } }]);
    for (const l of [absent, unknown]) l.end();
    expect(absent.idToken!.header).not.toHaveProperty('kid');
    expect(unknown.idToken!.header.kid).toBe('unknown-key-id');
    const { publicKey } = await idp.context.keys.get('op', 'current');
    const { compactVerify } = await import('jose');
    await expect(compactVerify(absent.idToken!.compact, publicKey)).resolves.toBeTruthy();
    await expect(compactVerify(unknown.idToken!.compact, publicKey)).resolves.toBeTruthy();
  });

  it('sends alg none unsigned, and HS256 keyed with the public key in PEM and JWK form', async () => {
    const none = await loginWithFaults(idp, [{ fault: 'oidc.id-token.alg-none' }]);
    const pem = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.hmac-public-key', params: { form: 'pem' } },
    ]);
    const jwk = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.hmac-public-key', params: { form: 'jwk' } },
    ]);
    for (const l of [none, pem, jwk]) l.end();
    expect(none.idToken!.header).toEqual({ alg: 'none' });
    expect(none.idToken!.compact.endsWith('.')).toBe(true);
    expect(explain(none.error)).toMatch(/alg/);
    const material = await idp.context.keys.get('op', 'current');
    for (const [login, secret] of [
      [pem, material.publicKeyPem],
      [jwk, JSON.stringify(material.jwk)],
    ] as const) {
      const [header, payload, signature] = login.idToken!.compact.split('.');
      expect(login.idToken!.header.alg).toBe('HS256');
      expect(signature).toBe(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
    }
  });

  it('tampers with the payload and keeps the library’s signature', async () => {
    const clean = await loginWithFaults(idp, []);
    const tampered = await loginWithFaults(idp, [
      { fault: 'oidc.id-token.tamper', params: { set: { groups: ['admins', 'root'] } } },
    ]);
    for (const l of [clean, tampered]) l.end();
    const [cleanHeader] = clean.idToken!.compact.split('.');
    const [header, , signature] = tampered.idToken!.compact.split('.');
    expect(header).toBe(cleanHeader);
    expect(signature).toMatch(/^[\w-]{300,}$/);
    expect(tampered.idToken!.payload.groups).toEqual(['admins', 'root']);
    expect(await verifyAgainstJwks(tampered.issuer, tampered.idToken!.compact)).toMatch(
      /signature verification failed/,
    );
  });
});
