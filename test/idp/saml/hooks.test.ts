import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_COOKIE, type FlowHooks, noHooks } from '../../../idp/flows.ts';
import type { SamlStageValues } from '../../../idp/saml/index.ts';
import { startTestIdp, type TestIdp } from '../../support/idp.ts';
import { SamlTestSp } from '../../support/saml-sp.ts';

/** Hooks made of one transform per stage; unnamed stages pass through. */
function hooksOf(
  transforms: { [S in keyof SamlStageValues]?: (value: SamlStageValues[S]) => SamlStageValues[S] },
): FlowHooks {
  return {
    apply: async (_protocol: string, stage: string, value: unknown) => {
      const transform = transforms[stage as keyof SamlStageValues] as ((v: unknown) => unknown) | undefined;
      return (transform ? transform(structuredClone(value)) : value) as never;
    },
    has: (_protocol, stage) => stage in transforms,
  } as FlowHooks;
}

describe('SAML response stages and flows', () => {
  let idp: TestIdp & { stop(): Promise<void> };
  beforeAll(async () => {
    idp = await startTestIdp({
      providers: {
        idp: {
          protocol: 'saml',
          sps: {
            app: {
              entityId: 'https://app.test/metadata',
              acsUrls: ['https://app.test/acs', 'https://app.test/other-acs'],
            },
          },
        },
      },
      users: { alice: { email: 'alice@example.com' }, bob: { email: 'bob@example.com' } },
    });
  });
  afterAll(() => idp.stop());

  const newSp = () =>
    SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://app.test/metadata',
      acsUrl: 'https://app.test/acs',
    });
  const user = (id: string) => idp.context.directory.get(id)!;

  it('a stage hook changes exactly one login: two flows at once, one with a wrong audience', async () => {
    const faulty = idp.context.flows.create(
      { providerId: 'idp', user: user('alice'), faults: [{ fault: 'test-audience' }] },
      hooksOf({
        model: (model) => ({
          ...model,
          assertions: model.assertions.map((a) => ({
            ...a,
            conditions: a.conditions && { ...a.conditions, audiences: ['https://someone-else.test'] },
          })),
        }),
      }),
    );
    const clean = idp.context.flows.create({ providerId: 'idp', user: user('bob'), faults: [] }, noHooks);
    const [faultySp, cleanSp] = await Promise.all([newSp(), newSp()]);
    faultySp.browser.cookies.set(FLOW_COOKIE, faulty.id);
    cleanSp.browser.cookies.set(FLOW_COOKIE, clean.id);

    // Both AuthnRequests are in flight together; the flows' users skip the login page.
    const [faultyPage, cleanPage] = await Promise.all([faultySp.startLogin(), cleanSp.startLogin()]);
    const [faultyResult, cleanResult] = await Promise.allSettled([
      faultySp.consume(faultyPage),
      cleanSp.consume(cleanPage),
    ]);

    expect(faultyResult.status).toBe('rejected');
    expect(String((faultyResult as PromiseRejectedResult).reason)).toMatch(/audience mismatch/i);
    expect(cleanResult.status).toBe('fulfilled');
    expect(
      (cleanResult as PromiseFulfilledResult<{ profile: { nameID: string } }>).value.profile.nameID,
    ).toBe('bob@example.com');

    const faultyTrace = idp.context.trace.list({ flowId: faulty.id });
    const cleanTrace = idp.context.trace.list({ flowId: clean.id });
    expect(faultyTrace.map((e) => e.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(cleanTrace.map((e) => e.kind)).toEqual(['AuthnRequest', 'Response']);
    expect(faultyTrace[1]!.decoded).toContain('https://someone-else.test');
    expect(cleanTrace[1]!.decoded).not.toContain('https://someone-else.test');
    expect(faulty.requestIds.size).toBe(1);
  });

  it('finds a flow by its AuthnRequest ID when the browser has no flow cookie', async () => {
    const id = `_bound${Date.now()}`;
    const flow = idp.context.flows.create(
      { providerId: 'idp', user: user('bob'), faults: [] },
      hooksOf({
        model: (model) => ({ ...model, assertions: model.assertions.map((a) => ({ ...a, attributes: [] })) }),
      }),
    );
    idp.context.flows.bindRequest(flow, id);
    const sp = await SamlTestSp.create({
      idpUrl: idp.url,
      providerId: 'idp',
      entityId: 'https://app.test/metadata',
      acsUrl: 'https://app.test/acs',
      saml: { generateUniqueId: () => id },
    });
    const { profile, xml } = await sp.consume(await sp.startLogin());
    expect(profile.nameID).toBe('bob@example.com');
    expect(xml).not.toContain('AttributeStatement');
    expect(idp.context.trace.list({ flowId: flow.id }).map((e) => e.kind)).toEqual([
      'AuthnRequest',
      'Response',
    ]);
  });

  it('hands each stage its value and uses what comes back', async () => {
    const seen: string[] = [];
    const flow = idp.context.flows.create(
      { providerId: 'idp', user: user('alice'), faults: [] },
      hooksOf({
        model: (model) => {
          seen.push(`model:${model.assertions.length}:${model.status?.code.split(':').pop()}`);
          return model;
        },
        sign: (plan) => {
          seen.push(`sign:${plan.keyKind}:${plan.targets}:${plan.signatureAlgorithm}`);
          return { ...plan, keyKind: 'rogue', keyInfo: { certificateKind: 'current' } };
        },
        'post-sign': (xml) => {
          seen.push(`post-sign:${xml.includes('<ds:Signature')}`);
          return xml;
        },
        deliver: (plan) => {
          seen.push(`deliver:${plan.binding}:${plan.posts}`);
          return { ...plan, url: 'https://app.test/other-acs', relayState: 'changed', posts: 2 };
        },
      }),
    );
    const sp = await newSp();
    sp.browser.cookies.set(FLOW_COOKIE, flow.id);
    const page = await sp.startLogin('original');
    expect(seen).toEqual([
      'model:1:Success',
      'sign:current:both:rsa-sha256',
      'post-sign:true',
      'deliver:HTTP-POST:1',
    ]);
    expect(page.body).toContain('action="https://app.test/other-acs"');
    expect(page.body).toContain('value="changed"');
    expect(page.body).toContain('data-posts="2"');
    // Signed with the rogue key: node-saml, trusting the real certificate, refuses it.
    const body = page.body.replaceAll('https://app.test/other-acs', 'https://app.test/acs');
    await expect(sp.consume({ ...page, body })).rejects.toThrow(/Invalid (document )?signature/);
  });

  it('lets faults be plain transforms: extra assertion, tampered XML, Redirect delivery', async () => {
    const run = async (hooks: FlowHooks) => {
      const flow = idp.context.flows.create({ providerId: 'idp', user: user('alice'), faults: [] }, hooks);
      const sp = await newSp();
      sp.browser.cookies.set(FLOW_COOKIE, flow.id);
      return { sp, page: await sp.startLogin('rs') };
    };
    const twoAssertions = await run(
      hooksOf({
        model: (m) => ({ ...m, assertions: [...m.assertions, { ...m.assertions[0]!, id: '_second' }] }),
      }),
    );
    await expect(twoAssertions.sp.consume(twoAssertions.page)).rejects.toThrow(/multiple assertions/);

    const tampered = await run(
      hooksOf({ 'post-sign': (xml) => xml.replace('alice@example.com', 'mallory@example.com') }),
    );
    const tamperedXml = Buffer.from(
      /name="SAMLResponse" value="([^"]+)"/.exec(tampered.page.body)![1]!,
      'base64',
    ).toString();
    expect(tamperedXml).toContain('mallory@example.com');
    await expect(tampered.sp.consume(tampered.page)).rejects.toThrow(/Invalid (document )?signature/);

    const redirected = await run(hooksOf({ deliver: (plan) => ({ ...plan, binding: 'HTTP-Redirect' }) }));
    expect(redirected.page.status).toBe(302);
    const location = new URL(redirected.page.body);
    expect(location.origin + location.pathname).toBe('https://app.test/acs');
    expect(location.searchParams.get('RelayState')).toBe('rs');
    expect(location.searchParams.get('SAMLResponse')).toBeTruthy();
  });
});
