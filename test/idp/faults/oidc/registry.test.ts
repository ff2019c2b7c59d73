import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { faultRegistry } from '../../../../idp/faults/index.ts';
import { oidcFaults } from '../../../../idp/faults/oidc/index.ts';
import { oidcStages } from '../../../../idp/flows.ts';

const folder = new URL('../../../../idp/faults/oidc/', import.meta.url);

/** A value and context per stage, enough for every fault to run on its defaults. */
const samples: Record<string, { value: unknown; context: Record<string, unknown> }> = {
  claims: {
    value: { sub: 'sub-1', email: 'a@example.com', groups: ['g'], oid: 'oid-1', tid: 't', hd: 'example.org' },
    context: { providerId: 'op', flowId: 'f', use: 'id_token', clientId: 'app', scope: 'openid', user: {} },
  },
  'id-token': {
    value: {
      header: { alg: 'RS256', kid: 'k1' },
      payload: { iss: 'https://op', sub: 's', aud: 'app', exp: 2e9, iat: 1.7e9, nonce: 'n', at_hash: 'h' },
      signing: { kind: 'current', alg: 'RS256', kid: 'k1' },
    },
    context: {
      providerId: 'op',
      flowId: 'f',
      clientId: 'app',
      issuer: 'https://op',
      route: 'token',
      // A refresh, so that faults that change only refreshed id_tokens change this one.
      grantType: 'refresh_token',
      publicJwk: async (kind: string) => ({ kty: 'RSA', kid: `kid-${kind}` }),
    },
  },
  'token-response': {
    value: { access_token: 'at', token_type: 'Bearer', expires_in: 3600, id_token: 'x.y.z' },
    context: { providerId: 'op', flowId: 'f', clientId: 'app', grantType: 'authorization_code' },
  },
  userinfo: { value: { sub: 's', email: 'a@example.com' }, context: { providerId: 'op', flowId: 'f' } },
  jwks: {
    value: { keys: [{ kty: 'RSA', kid: 'k1' }] },
    context: {
      providerId: 'op',
      flowId: 'f',
      issuer: 'https://op',
      publicJwk: async (kind: string) => ({ kty: 'RSA', kid: `kid-${kind}` }),
    },
  },
  discovery: {
    value: { issuer: 'https://op', jwks_uri: 'https://op/jwks', token_endpoint: 'https://op/token' },
    context: { providerId: 'op', flowId: 'f', issuer: 'https://op' },
  },
  endpoint: {
    value: { route: 'token', method: 'POST', delayMs: 0, answer: undefined },
    context: {
      providerId: 'op',
      flowId: 'f',
      issuer: 'https://op',
      clientId: 'app',
      expiredSecretError: (clientId: string) => ({
        status: 401,
        body: { error: 'invalid_client', clientId },
      }),
    },
  },
  'authorization-response': {
    value: {
      redirectUri: 'https://sp/cb',
      responseMode: 'query',
      params: { code: 'c', state: 's', iss: 'https://op' },
    },
    context: { providerId: 'op', flowId: 'f', clientId: 'app', issuer: 'https://op' },
  },
  'frontchannel-logout': {
    value: { iss: 'https://op', sid: 'sid-1' },
    context: { providerId: 'op', flowId: 'f', clientId: 'app', issuer: 'https://op' },
  },
  'logout-token': {
    value: {
      header: { alg: 'RS256', kid: 'k1', typ: 'logout+jwt' },
      payload: {
        iss: 'https://op',
        aud: 'app',
        iat: 1.7e9,
        exp: 1.7e9 + 120,
        jti: 'j',
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        sub: 's',
        sid: 'sid-1',
      },
      signing: { kind: 'current', alg: 'RS256', kid: 'k1' },
    },
    context: {
      providerId: 'op',
      flowId: 'f',
      clientId: 'app',
      issuer: 'https://op',
      publicJwk: async (kind: string) => ({ kty: 'RSA', kid: `kid-${kind}` }),
    },
  },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('the OIDC fault registry', () => {
  it('holds one fault per file, each under the folder of its stage, named oidc.<stage>.<file>', () => {
    const files = oidcStages.flatMap((stage) =>
      readdirSync(new URL(`${stage}/`, folder)).map((file) => `${stage}/${file.replace(/\.ts$/, '')}`),
    );
    expect(oidcFaults.map((f) => `${f.stage}/${f.name.split('.').slice(2).join('.')}`).sort()).toEqual(
      files.sort(),
    );
    for (const fault of oidcFaults) {
      expect(fault.protocol).toBe('oidc');
      expect(fault.name.startsWith(`oidc.${fault.stage}.`)).toBe(true);
      expect(faultRegistry[fault.name]).toBe(fault);
    }
  });

  it.each(oidcFaults.map((f) => [f.name, f] as const))(
    '%s: one-line summary, every parameter described and defaulted, a pure transform',
    async (_name, fault) => {
      expect(fault.summary).toMatch(/^[A-Z][^\n]{10,140}$/);
      const schema = z.toJSONSchema(fault.params) as {
        properties?: Record<string, { description?: string }>;
      };
      for (const [param, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${fault.name}: ${param} has no description`).toBeTruthy();
      }
      const params = fault.params.parse({});
      const sample = samples[fault.stage]!;
      const value = deepFreeze(structuredClone(sample.value));
      const before = JSON.stringify(value);
      const out = await fault.apply(value, params, sample.context as never);
      expect(JSON.stringify(value)).toBe(before);
      expect(out, `${fault.name} changes nothing with its defaults`).not.toEqual(value);
    },
  );

  it('refuses bad parameters with the field named', () => {
    const audience = faultRegistry['oidc.id-token.audience']!;
    const parsed = audience.params.safeParse({ mode: 'sideways' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['mode']);
  });
});
