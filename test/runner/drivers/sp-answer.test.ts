import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_TEXT_LIMIT, bodyText, cookieNames } from '../../../runner/drivers/sp-answer.ts';
import { type Scenario, type ScenarioInput, scenarioSchema } from '../../../scenarios/schema.ts';
import { type Demo, startDemo } from '../../support/demo.ts';

const scenario = (input: Omit<ScenarioInput, 'why'>): Scenario =>
  scenarioSchema.parse({ why: 'test', ...input });

describe('what a step keeps of an SP answer', () => {
  it('names the cookies set, never their values', () => {
    expect(
      cookieNames([
        'sid=s3cr3t; Path=/; HttpOnly',
        ' csrf = abc=def ; Secure',
        'no-equals-sign',
        '=anonymous',
      ]),
    ).toEqual(['sid', 'csrf']);
  });

  it('renders HTML to its text without scripts, and cuts it at 16 KB on a whole character', () => {
    expect(
      bodyText(
        '<!DOCTYPE html><html><script>var x=1</script><h1>Signed in</h1><p>as bob</p></html>',
        'text/html',
      ),
    ).toBe('Signed in\nas bob');
    expect(bodyText('{"error":"invalid_audience"}', 'application/json')).toBe('{"error":"invalid_audience"}');
    expect(bodyText('  \n ', 'text/plain')).toBeUndefined();
    const long = bodyText(`<p>${'é'.repeat(20_000)}</p>`, 'text/html')!;
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(BODY_TEXT_LIMIT);
    expect(long).toBe('é'.repeat(BODY_TEXT_LIMIT / 2));
  });
});

describe('the HTTP driver against the demo SP', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(() => demo?.close());

  it("keeps cookie names and text of the SP's answers, and nothing of the IdP's", async () => {
    const record = await demo.run([
      scenario({
        id: 'e.saml.valid',
        title: 'SAML valid',
        protocol: 'saml',
        connection: 'saml',
        expect: 'accept',
      }),
      scenario({
        id: 'e.saml.expired',
        title: 'SAML expired',
        protocol: 'saml',
        connection: 'saml',
        faults: [{ fault: 'saml.assertion-expired' }],
        expect: 'reject',
      }),
    ]);
    const idp = new URL(demo.harness.url).origin;
    const byId = Object.fromEntries(record.results.map((r) => [r.scenarioId, r]));
    expect(byId['e.saml.valid']!.verdict, byId['e.saml.valid']!.reason).toBe('pass');
    expect(byId['e.saml.expired']!.verdict, byId['e.saml.expired']!.reason).toBe('pass');
    for (const result of record.results) {
      const ofIdp = result.http.filter((s) => new URL(s.url).origin === idp);
      expect(ofIdp.length).toBeGreaterThan(0);
      for (const step of ofIdp) {
        expect(step.setCookies).toBeUndefined();
        expect(step.bodyText).toBeUndefined();
      }
    }
    const acs = (id: string) =>
      byId[id]!.http.find((s) => s.cause === 'form' && new URL(s.url).origin === demo.spUrl)!;
    // The valid login: the ACS sets the session cookie; the probe's page shows who is signed in.
    expect(acs('e.saml.valid').setCookies).toContain('demo_sp_session');
    // It redirects: a reader never sees a redirect's body, so no text is kept for it.
    expect(acs('e.saml.valid').status).toBe(302);
    expect(acs('e.saml.valid').bodyText).toBeUndefined();
    const probe = byId['e.saml.valid']!.http.findLast((s) => s.cause === 'probe')!;
    expect(probe.bodyText).toContain('alice@example.com');
    // The expired assertion: the ACS refuses with words, kept as text and not as markup.
    const refused = acs('e.saml.expired');
    expect(refused.setCookies ?? []).not.toContain('demo_sp_session');
    expect(refused.status).toBe(403);
    expect(refused.bodyText).toMatch(/^Sign-in refused/);
    expect(refused.bodyText).toContain('expired');
    expect(refused.bodyText).not.toMatch(/<[!\w]/);
    expect(JSON.stringify(record.results)).not.toMatch(/demo_sp_session=/);
  });
});
