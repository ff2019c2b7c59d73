import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import * as client from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FLOW_COOKIE,
  type Flow,
  type FlowHooks,
  type OidcStage,
  type StageContext,
} from '../../../idp/flows.ts';
import type { OidcStageValues } from '../../../idp/oidc/stages.ts';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import { discoverRp, loginWithCode, TestBrowser } from '../../support/oidc-rp.ts';

const REDIRECT = 'http://127.0.0.1:1/callback';
const AFTER_LOGOUT = 'http://127.0.0.1:1/signed-out';

type StageHooks = {
  [S in OidcStage]?: (value: OidcStageValues[S], context: StageContext) => OidcStageValues[S];
};

/** Flow hooks from plain functions per stage (what the fault registry compiles to). */
function hooks(stages: StageHooks): FlowHooks {
  return {
    has: (protocol, stage) => protocol === 'oidc' && stage in stages,
    apply: async (_protocol: string, stage: string, value: unknown, context: StageContext) => {
      const hook = stages[stage as OidcStage] as ((v: unknown, c: StageContext) => unknown) | undefined;
      return hook ? hook(value, context) : value;
    },
  } as FlowHooks;
}

describe('OIDC flows and stage hooks', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  let issuer: string;

  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        op: {
          protocol: 'oidc',
          clients: {
            app: {
              clientSecret: 'app-secret',
              redirectUris: [REDIRECT],
              postLogoutRedirectUris: [AFTER_LOGOUT],
            },
          },
        },
      },
      users: {
        alice: { email: 'alice@example.com', groups: ['staff'] },
        bob: { email: 'bob@example.com' },
      },
    });
    issuer = (await idp.providers.get('op')!.info()).entityId;
  });
  afterAll(() => idp.stop());
  const created: Flow[] = [];
  afterEach(() => {
    for (const f of created.splice(0)) idp.context.flows.remove(f.id);
  });

  function flow(stages: StageHooks, user = 'alice', exclusive = false): Flow {
    const f = idp.context.flows.create(
      { providerId: 'op', user: idp.context.directory.get(user), faults: [], exclusive },
      hooks(stages),
    );
    created.push(f);
    return f;
  }

  function browserIn(f: Flow): TestBrowser {
    const browser = new TestBrowser();
    browser.jar.set(new URL(issuer), FLOW_COOKIE, f.id);
    return browser;
  }

  async function login(f: Flow, scope = 'openid email profile groups') {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    return loginWithCode(rp, browserIn(f), { redirectUri: REDIRECT, scope });
  }

  const rejected = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e as Error,
    );

  it('changes exactly one login: two flows at once, one id_token with a wrong aud, one clean', async () => {
    const faulty = flow({ 'id-token': (v) => ({ ...v, payload: { ...v.payload, aud: 'another-app' } }) });
    const clean = flow({}, 'bob');
    const [bad, good] = await Promise.all([rejected(login(faulty)), login(clean)]);
    expect(inspect(bad, { depth: 6 })).toMatch(/unexpected JWT "aud" \(audience\) claim value|claim: 'aud'/);
    expect(good.claims()).toMatchObject({ aud: 'app', email: 'bob@example.com' });
    // The flows' traces are kept apart.
    expect(idp.context.trace.list({ flowId: faulty.id }).some((e) => e.kind === 'token')).toBe(true);
    expect(
      idp.context.trace
        .list({ flowId: clean.id })
        .every((e) => e.flowId === clean.id && e.flowId !== faulty.id),
    ).toBe(true);
  });

  it('logs the flow user in without the page, even when the browser has another session', async () => {
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const browser = new TestBrowser();
    const asAlice = await loginWithCode(rp, browser, { redirectUri: REDIRECT, user: 'alice' });
    const f = flow({}, 'bob');
    browser.jar.set(new URL(issuer), FLOW_COOKIE, f.id);
    const asBob = await loginWithCode(rp, browser, { redirectUri: REDIRECT, scope: 'openid email' });
    expect(asAlice.claims()!.email).toBe('alice@example.com');
    expect(asBob.claims()!.email).toBe('bob@example.com');
  });

  it('confirms a flow’s RP-initiated logout by itself', async () => {
    const f = flow({});
    const browser = browserIn(f);
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const tokens = await loginWithCode(rp, browser, { redirectUri: REDIRECT });
    const logout = client.buildEndSessionUrl(rp, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: AFTER_LOGOUT,
    });
    const done = await browser.follow(logout.href, AFTER_LOGOUT);
    expect(done.arrived?.url).toBe(AFTER_LOGOUT);
    expect(browser.jar.header(new URL(issuer)) ?? '').not.toMatch(/oidc_op_session=/);
  });

  it('hands claims, token response and userinfo to the flow, signing again only what changed', async () => {
    const f = flow({
      claims: (claims, context) => ({ ...claims, scenario_claim: `for ${String(context.use)}` }),
      'token-response': (body) => ({ ...body, extra_field: 'added' }),
      userinfo: (body) => ({ ...body, email: 'changed@example.com' }),
    });
    const rp = await discoverRp(issuer, 'app', { method: 'client_secret_basic', secret: 'app-secret' });
    const tokens = await loginWithCode(rp, browserIn(f), { redirectUri: REDIRECT, scope: 'openid email' });
    expect(tokens.claims()!.scenario_claim).toBe('for id_token');
    expect((tokens as unknown as Record<string, unknown>).extra_field).toBe('added');
    const userinfo = await client.fetchUserInfo(rp, tokens.access_token, tokens.claims()!.sub);
    expect(userinfo).toMatchObject({ email: 'changed@example.com', scenario_claim: 'for userinfo' });
  });

  it.each([
    ['alg none', { alg: 'none' as const }, /unexpected JWT "alg" header parameter/],
    [
      'HS256 keyed with the RS256 public key (alg confusion)',
      { alg: 'HS256' as const, hmacSecret: 'public-key-pem' as const },
      /unexpected JWT "alg" header parameter/,
    ],
    ['a rogue key under the current kid', { kind: 'rogue' as const }, /JWT signature verification failed/],
  ])('re-signs the id_token with %s, and the RP refuses it', async (_name, signing, reason) => {
    let sent = '';
    const { alg: plannedAlg } = signing as { alg?: string };
    const f = flow({
      'id-token': (v) => ({ ...v, signing: { ...v.signing, ...signing } }),
      'token-response': (body) => {
        sent = String(body.id_token);
        return body;
      },
    });
    expect(inspect(await rejected(login(f)), { depth: 6 })).toMatch(reason);
    const [header, payload, signature] = sent.split('.') as [string, string, string];
    const alg = JSON.parse(Buffer.from(header, 'base64url').toString()).alg;
    expect(alg).toBe(plannedAlg ?? 'RS256');
    if (plannedAlg === 'none') expect(signature).toBe('');
    if (plannedAlg === 'HS256') {
      const { publicKeyPem } = await idp.context.keys.get('op', 'current');
      const mac = createHmac('sha256', publicKeyPem).update(`${header}.${payload}`).digest('base64url');
      expect(signature).toBe(mac);
    }
  });

  it('moves the authorization response (a wrong state), and answers an endpoint in the library’s place', async () => {
    const wrongState = flow({
      'authorization-response': (v) => ({ ...v, params: { ...v.params, state: 'forged' } }),
    });
    expect(inspect(await rejected(login(wrongState)), { depth: 6 })).toMatch(/unexpected "state"|forged/);

    const broken = flow({
      endpoint: (v) =>
        v.route === 'token' ? { ...v, answer: { status: 500, body: { error: 'server_error' } } } : v,
    });
    const error = await rejected(login(broken));
    expect(error).toBeInstanceOf(Error);
    expect(
      idp.context.trace.list({ flowId: broken.id }).some((e) => /answered by the flow/.test(e.summary)),
    ).toBe(true);
  });

  it('changes discovery and JWKS only while an exclusive flow holds the provider', async () => {
    const f = flow(
      {
        discovery: (doc) => ({ ...doc, scenario: 'exclusive' }),
        jwks: (jwks) => ({ keys: jwks.keys.slice(1) }),
      },
      'alice',
      true,
    );
    const doc = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(doc.scenario).toBe('exclusive');
    expect(await rejected(login(f))).toBeInstanceOf(Error);
    idp.context.flows.remove(f.id);
    const plain = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(plain.scenario).toBeUndefined();
  });
});
