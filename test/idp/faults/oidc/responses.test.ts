import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestIdp } from '../../../support/idp.ts';
import { callbackParams, explain, loginWithFaults, startFaultIdp } from './support.ts';

describe('OIDC claims, token, userinfo, endpoint and authorization-response faults', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startFaultIdp();
  });
  afterAll(() => idp.stop());

  const userinfo = (login: Awaited<ReturnType<typeof loginWithFaults>>) =>
    client.fetchUserInfo(login.rp, login.tokens!.access_token, client.skipSubjectCheck) as Promise<
      Record<string, unknown>
    >;

  it('sets and removes claims in the id_token, in userinfo, or in both', async () => {
    const both = await loginWithFaults(idp, [
      { fault: 'oidc.claims.set', params: { claims: { email_verified: false, team: 'red' } } },
    ]);
    const onlyToken = await loginWithFaults(idp, [
      { fault: 'oidc.claims.remove', params: { names: ['email'], use: 'id_token' } },
    ]);
    expect(both.tokens!.claims()).toMatchObject({ email_verified: false, team: 'red' });
    expect(await userinfo(both)).toMatchObject({ email_verified: false, team: 'red' });
    expect(onlyToken.tokens!.claims()).not.toHaveProperty('email');
    expect(await userinfo(onlyToken)).toMatchObject({ email: 'alice@example.com' });
    for (const l of [both, onlyToken]) l.end();
  });

  it("asserts another user's identity, with a subject of their own or the same one", async () => {
    const clean = await loginWithFaults(idp, [], 'entra');
    const other = await loginWithFaults(
      idp,
      [{ fault: 'oidc.claims.identity', params: { email: 'mallory@example.com' } }],
      'entra',
    );
    const renamed = await loginWithFaults(
      idp,
      [{ fault: 'oidc.claims.identity', params: { email: 'mallory@example.com', newSubject: false } }],
      'entra',
    );
    for (const l of [clean, other, renamed]) l.end();
    const c = clean.tokens!.claims()!;
    const o = other.tokens!.claims()!;
    const r = renamed.tokens!.claims()!;
    expect(o).toMatchObject({ email: 'mallory@example.com', preferred_username: 'mallory@example.com' });
    expect(o.sub).not.toBe(c.sub);
    expect(o.oid).not.toBe(c.oid);
    expect(r).toMatchObject({ email: 'mallory@example.com', sub: c.sub, oid: c.oid });
  });

  it('replaces Entra groups with the overage form', async () => {
    const login = await loginWithFaults(idp, [{ fault: 'oidc.claims.groups-overage' }], 'entra');
    login.end();
    const claims = login.tokens!.claims()!;
    expect(claims).not.toHaveProperty('groups');
    expect(claims._claim_names).toEqual({ groups: 'src1' });
    expect(JSON.stringify(claims._claim_sources)).toContain(`/users/${String(claims.oid)}/getMemberObjects`);
  });

  it('changes the token response and userinfo', async () => {
    const lower = await loginWithFaults(idp, [
      { fault: 'oidc.token-response.set', params: { fields: { token_type: 'bearer', extra: 1 } } },
    ]);
    const noIdToken = await loginWithFaults(idp, [{ fault: 'oidc.token-response.remove' }]);
    const otherSub = await loginWithFaults(idp, [
      { fault: 'oidc.userinfo.set', params: { set: { sub: 'x' } } },
    ]);
    expect(lower.token!.body).toMatchObject({ token_type: 'bearer', extra: 1 });
    expect(noIdToken.token!.body).not.toHaveProperty('id_token');
    expect(explain(noIdToken.error)).toMatch(/id_token/);
    const mismatch = await client
      .fetchUserInfo(otherSub.rp, otherSub.tokens!.access_token, otherSub.tokens!.claims()!.sub)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(explain(mismatch)).toMatch(/\bsub\b/);
    for (const l of [lower, noIdToken, otherSub]) l.end();
  });

  it('answers the token endpoint with an error instead of the tokens, or beside them', async () => {
    const instead = await loginWithFaults(idp, [{ fault: 'oidc.endpoint.error' }]);
    const beside = await loginWithFaults(idp, [
      { fault: 'oidc.endpoint.error', params: { status: 500, error: 'server_error', keepResult: true } },
    ]);
    for (const l of [instead, beside]) l.end();
    expect(instead.token).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(instead.token!.body).not.toHaveProperty('access_token');
    expect(beside.token!.status).toBe(500);
    expect(beside.token!.body).toMatchObject({ error: 'server_error' });
    expect(typeof beside.token!.body.access_token).toBe('string');
    expect(instead.error).toBeDefined();
    expect(beside.error).toBeDefined();
  });

  it('refuses the client as the Entra persona does when its secret expired', async () => {
    const login = await loginWithFaults(idp, [{ fault: 'oidc.endpoint.expired-secret' }], 'entra');
    login.end();
    expect(login.token!.status).toBe(401);
    expect(login.token!.body).toMatchObject({ error: 'invalid_client', error_codes: [7000222] });
    expect(String(login.token!.body.error_description)).toMatch(/AADSTS7000222: .* app 'app' are expired/);
  });

  it('answers userinfo with an error, answers with any body, and slows an endpoint down', async () => {
    const login = await loginWithFaults(idp, [
      { fault: 'oidc.endpoint.error', params: { route: 'userinfo', status: 401, error: 'invalid_token' } },
      { fault: 'oidc.endpoint.slow', params: { route: 'userinfo', delayMs: 300 } },
    ]);
    const started = Date.now();
    const answer = await fetch(login.rp.serverMetadata().userinfo_endpoint!, {
      headers: { authorization: `Bearer ${login.tokens!.access_token}` },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    login.end();

    const gateway = await loginWithFaults(idp, [{ fault: 'oidc.endpoint.answer' }]);
    gateway.end();
    expect(gateway.error).toBeDefined();
    const trace = idp.context.trace.list({ flowId: gateway.flow.id });
    expect(trace.some((e) => /token answered by the flow .* HTTP 502/.test(e.summary))).toBe(true);
  });

  it('changes the authorization response: state, iss, error with or without the code', async () => {
    const state = await loginWithFaults(idp, [{ fault: 'oidc.authorization-response.state' }]);
    const noIss = await loginWithFaults(idp, [
      { fault: 'oidc.authorization-response.iss', params: { mode: 'missing' } },
    ]);
    const denied = await loginWithFaults(idp, [{ fault: 'oidc.authorization-response.error' }]);
    const deniedWithCode = await loginWithFaults(idp, [
      { fault: 'oidc.authorization-response.error', params: { keepCode: true } },
    ]);
    for (const l of [state, noIss, denied, deniedWithCode]) l.end();
    expect(await callbackParams(state.callback)).toMatchObject({ state: 'state-of-another-login' });
    expect(explain(state.error)).toMatch(/state/);
    expect(await callbackParams(noIss.callback)).not.toHaveProperty('iss');
    const d = await callbackParams(denied.callback);
    expect(d).toMatchObject({ error: 'access_denied' });
    expect(d).not.toHaveProperty('code');
    expect(await callbackParams(deniedWithCode.callback)).toMatchObject({
      error: 'access_denied',
      code: expect.any(String),
    });
  });
});
