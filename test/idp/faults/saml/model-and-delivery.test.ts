import { describe, expect, it } from 'vitest';
import acsUrl from '../../../../idp/faults/saml/deliver/acs-url.ts';
import clockSkew from '../../../../idp/faults/saml/model/clock-skew.ts';
import status from '../../../../idp/faults/saml/model/status.ts';
import subjectMissing from '../../../../idp/faults/saml/model/subject-missing.ts';
import type { DeliveryPlan } from '../../../../idp/saml/response/stages.ts';
import { responseXml } from '../../../../idp/saml/response/xml.ts';
import { bobModel, stageContext } from './signed-response.ts';

const instants = (xml: string) =>
  [...xml.matchAll(/"(\d{4}-\d\d-\d\dT[\d:.]+Z)"/g)].map((m) => Date.parse(m[1]!));

describe('SAML model faults', () => {
  it('saml.clock-skew moves every instant of the response by the same offset', async () => {
    const before = instants(responseXml(bobModel()));
    const skewed = await clockSkew.apply(
      bobModel(),
      clockSkew.params.parse({ seconds: -45 }),
      stageContext(),
    );
    const after = instants(responseXml(skewed));
    expect(before.length).toBeGreaterThan(6);
    expect(after).toEqual(before.map((t) => t - 45_000));
  });

  it('saml.status drops the assertion unless asked to keep it', async () => {
    const dropped = await status.apply(
      bobModel(),
      status.params.parse({ subCode: 'AuthnFailed' }),
      stageContext(),
    );
    expect(dropped.assertions).toEqual([]);
    expect(responseXml(dropped)).toContain(
      '<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/>',
    );
    const kept = await status.apply(bobModel(), status.params.parse({ keepAssertion: true }), stageContext());
    expect(kept.assertions).toHaveLength(1);
  });

  it('saml.subject-missing writes an assertion without a Subject element', async () => {
    const model = await subjectMissing.apply(bobModel(), {}, stageContext());
    const xml = responseXml(model);
    expect(xml).toContain('<saml:Assertion');
    expect(xml).not.toContain('Subject');
  });
});

describe('saml.acs-url', () => {
  const plan: DeliveryPlan = {
    binding: 'HTTP-POST',
    url: 'https://sp.test/saml/sandbox/acs',
    relayState: '/',
    posts: 1,
    xml: '<x/>',
  };
  const context = stageContext({
    connections: {
      saml: { provider: 'idp-a', sp: 'app' },
      google: { provider: 'oidc-g', client: 'c' },
    },
    acsUrls: (provider: string, sp: string) =>
      provider === 'idp-a' && sp === 'app' ? ['https://sp.test/saml/saml/acs'] : [],
  });

  it("posts to another connection's registered ACS URL", async () => {
    const out = await acsUrl.apply(plan, acsUrl.params.parse({ connection: 'saml' }), context);
    expect(out.url).toBe('https://sp.test/saml/saml/acs');
    expect(out.xml).toBe(plan.xml);
    expect(plan.url).toBe('https://sp.test/saml/sandbox/acs');
  });

  it('names the known connections, and refuses one that is not SAML', async () => {
    await expect(async () =>
      acsUrl.apply(plan, acsUrl.params.parse({ connection: 'nope' }), context),
    ).rejects.toThrow(/no connection "nope".*saml, google/);
    await expect(async () =>
      acsUrl.apply(plan, acsUrl.params.parse({ connection: 'google' }), context),
    ).rejects.toThrow(/not a SAML connection/);
  });

  it('takes exactly one of url and connection', () => {
    expect(acsUrl.params.safeParse({}).success).toBe(false);
    expect(acsUrl.params.safeParse({ url: 'https://a.test/acs', connection: 'saml' }).success).toBe(false);
  });
});
