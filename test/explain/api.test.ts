import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Explanation } from '../../explain/types.ts';
import { apiClient, readEvents } from '../api/support.ts';
import { type HarnessWithSp, startHarnessWithDemoSp } from '../ui/support/environment.ts';
import { captureLogin } from './support.ts';

/** POST /api/explain as the UI's Explain view uses it, then the reproduction through POST /api/runs. */
let env: HarnessWithSp;
let api: ReturnType<typeof apiClient>;
let har: string;

beforeAll(async () => {
  env = await startHarnessWithDemoSp({ lax: [] });
  api = apiClient(env.url);
  har = await captureLogin({ harness: env.harness, target: env.harness.config.targets['demo-sp']! }, 'saml', [
    { fault: 'saml.audience', params: { audiences: ['https://acme.example/wrong'] } },
  ]);
});
afterAll(() => env?.close());

describe('POST /api/explain', () => {
  it("explains a HAR against a target's connection: the problem, with the values compared", async () => {
    const answer = await api.post('/api/explain', {
      input: har,
      name: 'ticket-1234.har',
      target: 'demo-sp',
      connection: 'saml',
    });
    expect(answer.status, answer.text).toBe(200);
    const explanation = answer.body as Explanation;
    expect(explanation).toMatchObject({
      schema: 'sso-harness/explain@1',
      outcome: 'readable',
      input: { kind: 'har', name: 'ticket-1234.har' },
    });
    expect(explanation.checks.filter((c) => c.status === 'problem').map((c) => c.id)).toEqual([
      'saml.audience',
    ]);
    expect(explanation.reproduction?.scenario?.faults).toEqual([
      { fault: 'saml.audience', params: { audiences: ['https://acme.example/wrong'] } },
    ]);
  });

  it('without a connection, compares with the one the message came through (its IdP issued it)', async () => {
    const okta = await captureLogin(
      { harness: env.harness, target: env.harness.config.targets['demo-sp']! },
      'okta',
      [{ fault: 'saml.audience', params: { audiences: ['https://acme.example/wrong'] } }],
    );
    const viaOkta = (await api.post('/api/explain', { input: okta, target: 'demo-sp' })).body as Explanation;
    expect(viaOkta.context.harness).toEqual({ target: 'demo-sp', connection: 'okta' });
    expect(viaOkta.checks.filter((c) => c.status === 'problem').map((c) => c.id)).toEqual(['saml.audience']);
    const viaSaml = (await api.post('/api/explain', { input: har, target: 'demo-sp' })).body as Explanation;
    expect(viaSaml.context.harness).toEqual({ target: 'demo-sp', connection: 'saml' });
    // A connection named is the one used, even when the message came through another.
    const named = (await api.post('/api/explain', { input: okta, target: 'demo-sp', connection: 'saml' }))
      .body as Explanation;
    expect(named.context.harness).toEqual({ target: 'demo-sp', connection: 'saml' });
  });

  it('masks personal data when asked', async () => {
    const answer = await api.post('/api/explain', { input: har, mask: true, target: 'demo-sp' });
    expect(answer.text).not.toContain('alice@example.com');
    expect((answer.body as Explanation).masked).toBe(true);
  });

  it('names an unknown target and the known ones (400)', async () => {
    const answer = await api.post('/api/explain', { input: har, target: 'nope' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('unknown target "nope"');
    expect(answer.body.error.hint).toContain('demo-sp');
  });

  it('refuses a file path as context: only text or http(s) URLs come from the network', async () => {
    const answer = await api.post('/api/explain', { input: har, sp: { metadataUrl: 'file:///etc/passwd' } });
    expect(answer.status).toBe(400);
  });

  it('the reproduction runs through POST /api/runs and the SP refuses it: reproduced', async () => {
    const explanation = (
      await api.post('/api/explain', { input: har, target: 'demo-sp', connection: 'saml' })
    ).body as Explanation;
    const started = await api.post('/api/runs', {
      target: 'demo-sp',
      scenario: { ...explanation.reproduction!.scenario, connection: 'saml' },
    });
    expect(started.status, started.text).toBe(202);
    const events = await readEvents(
      `${env.url}/api/runs/${started.body.id}/events`,
      (e) => e.some((x) => x.event === 'end'),
      { timeoutMs: 20_000 },
    );
    const result = events.find((e) => e.event === 'result')?.data as {
      result: { verdict: string; scenarioId: string };
    };
    // The verdict is judged as ever; a reproduction reads it as reproduced.
    expect(result.result).toMatchObject({
      scenarioId: 'explain.reproduction',
      verdict: 'pass',
      reproduction: {
        outcome: 'reproduced',
        what: expect.stringMatching(/^no session at demo-sp when the IdP commits saml\.audience/),
        line: expect.stringMatching(/^reproduced: /),
      },
    });
    const stored = await api.get(`/api/runs/${started.body.id}/results/explain.reproduction`);
    expect(stored.body.reproduction.outcome).toBe('reproduced');
    const report = await api.get(`/api/runs/${started.body.id}/report.html`);
    expect(report.text).toContain('✓ reproduced');
    expect(report.text).not.toContain('✓ pass');
  });
});
