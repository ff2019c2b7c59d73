import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileHooks, faultRegistry, resolveFaults } from '../../../../idp/faults/index.ts';
import { FlowBusyError } from '../../../../idp/flows.ts';
import type { TestIdp } from '../../../support/idp.ts';
import { CLIENT, explain, loginWithFaults, startFaultIdp, verifyAgainstJwks } from './support.ts';

describe('OIDC JWKS and discovery faults (the flow holds its provider alone)', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let issuer: string;
  beforeAll(async () => {
    idp = await startFaultIdp();
    issuer = (await idp.providers.get('op')!.info()).entityId;
  });
  afterAll(() => idp.stop());

  const kids = async () =>
    ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: Array<{ kid?: string }> }).keys.map(
      (k) => k.kid,
    );

  it('rotates: the id_token signed by the next key verifies against a JWKS with both keys, then only the next', async () => {
    const [current, next] = await Promise.all([
      idp.context.keys.get('op', 'current'),
      idp.context.keys.get('op', 'next'),
    ]);
    const signNext = { fault: 'oidc.id-token.key', params: { kind: 'next', kid: 'follow' } };
    const both = await loginWithFaults(idp, [
      { fault: 'oidc.jwks.rotate', params: { keep: true } },
      signNext,
    ]);
    expect(both.flow.exclusive).toBe(true);
    expect(await kids()).toEqual(expect.arrayContaining([current.kid, next.kid]));
    expect(both.idToken!.header.kid).toBe(next.kid);
    expect(await verifyAgainstJwks(issuer, both.idToken!.compact)).toBeUndefined();
    both.end();

    const only = await loginWithFaults(idp, [{ fault: 'oidc.jwks.rotate' }, signNext]);
    expect(await kids()).toEqual([next.kid]);
    expect(await verifyAgainstJwks(issuer, only.idToken!.compact)).toBeUndefined();
    only.end();
    // The provider answers as before once the flow is gone.
    expect(await kids()).not.toContain(next.kid);
  });

  it('publishes exactly some keys, extra keys, keys without kid, or none', async () => {
    const rogue = await idp.context.keys.get('op', 'rogue');
    const expectations: Array<[Record<string, unknown>, (k: Array<string | undefined>) => void]> = [
      [{ fault: 'oidc.jwks.publish', params: { kinds: ['current'] } }, (k) => expect(k).toHaveLength(1)],
      [{ fault: 'oidc.jwks.add-keys' }, (k) => expect(k).toContain(rogue.kid)],
      [{ fault: 'oidc.jwks.remove-kid' }, (k) => expect(k.every((kid) => kid === undefined)).toBe(true)],
      [{ fault: 'oidc.jwks.empty' }, (k) => expect(k).toEqual([])],
    ];
    for (const [fault, check] of expectations) {
      const login = await loginWithFaults(idp, [fault as never]);
      check(await kids());
      login.end();
    }
  });

  it('changes the discovery document: another issuer (the RP refuses it), other endpoints, missing fields', async () => {
    const document = async () =>
      (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    const changed = await loginWithFaults(idp, [
      {
        fault: 'oidc.discovery.endpoints',
        params: { endpoints: { service_documentation: 'https://docs.example' } },
      },
      { fault: 'oidc.discovery.remove', params: { fields: ['end_session_endpoint'] } },
    ]);
    expect(await document()).toMatchObject({ service_documentation: 'https://docs.example' });
    expect(await document()).not.toHaveProperty('end_session_endpoint');
    changed.end();

    const lying = idp.context.flows.create(
      { providerId: 'op', faults: [], exclusive: true },
      compileHooks(resolveFaults([{ fault: 'oidc.discovery.issuer' }], faultRegistry, 'oidc')),
    );
    const refused = await client
      .discovery(new URL(issuer), CLIENT.id, CLIENT.secret, undefined, {
        execute: [client.allowInsecureRequests],
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    idp.context.flows.remove(lying.id);
    expect(explain(refused)).toMatch(/issuer/);
  });

  it('keeps other flows off the provider while a JWKS fault runs', async () => {
    const login = await loginWithFaults(idp, [{ fault: 'oidc.jwks.empty' }]);
    expect(() => idp.context.flows.create({ providerId: 'op', faults: [] })).toThrow(FlowBusyError);
    login.end();
  });
});
