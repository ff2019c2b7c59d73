import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultRegistry } from '../../idp/faults/index.ts';
import { parseXml } from '../../lib/xml.ts';
import { createHttpDriver } from '../../runner/drivers/http.ts';
import { htmlReporter } from '../../runner/reporters/html.ts';
import { jsonReporter } from '../../runner/reporters/json.ts';
import { junitReporter } from '../../runner/reporters/junit.ts';
import { runScenarios } from '../../runner/run.ts';
import type { RunRecord } from '../../runner/types.ts';
import { type Scenario, type ScenarioInput, scenarioSchema } from '../../scenarios/schema.ts';
import { type Demo, freePort, startDemo } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';

/**
 * The real runner against the demo SP, which validates with @node-saml/node-saml and
 * openid-client in this process; verdicts are read back from the files the JSON and
 * JUnit reporters wrote.
 */
const scenario = (input: Omit<ScenarioInput, 'why'>): Scenario =>
  scenarioSchema.parse({ why: 'test', ...input });

const samlValid = scenario({
  id: 't.saml.valid',
  title: 'SAML valid',
  protocol: 'saml',
  connection: 'saml',
  expect: 'accept',
});
const oidcValid = scenario({
  id: 't.oidc.valid',
  title: 'OIDC valid',
  protocol: 'oidc',
  connection: 'google',
  expect: 'accept',
});
const samlAudience = scenario({
  id: 't.saml.audience',
  title: 'SAML audience of another SP',
  protocol: 'saml',
  connection: 'saml',
  faults: [{ fault: 'saml.audience', params: { audiences: ['https://other-sp.invalid'] } }],
  expect: 'reject',
});
const oidcAudience = scenario({
  id: 't.oidc.audience',
  title: 'OIDC aud of another client',
  protocol: 'oidc',
  connection: 'google',
  faults: [{ fault: 'oidc.id-token.audience', params: { mode: 'wrong' } }],
  expect: 'reject',
});

let demo: Demo;
const out = tempDir();

beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo?.close();
});

async function run(
  scenarios: Scenario[],
  name: string,
  target = demo.target,
): Promise<{ json: RunRecord; junit: Document }> {
  const driver = createHttpDriver();
  await runScenarios({
    harness: demo.harness.server,
    scenarios,
    targets: { 'demo-sp': target },
    registry: faultRegistry,
    driver,
    workers: 4,
    timeoutMs: 15_000,
    reporters: [
      jsonReporter(join(out, `${name}.json`)),
      junitReporter(join(out, `${name}.xml`)),
      htmlReporter(join(out, `${name}.html`)),
    ],
  });
  return {
    json: JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as RunRecord,
    junit: parseXml(readFileSync(join(out, `${name}.xml`), 'utf8')) as unknown as Document,
  };
}

const verdicts = (record: RunRecord) =>
  Object.fromEntries(record.results.map((r) => [r.scenarioId, r.verdict]));
const testcases = (junit: Document) =>
  Array.from(junit.getElementsByTagName('testcase')).map((t) => ({
    name: t.getAttribute('name'),
    failure: t.getElementsByTagName('failure').length,
    error: t.getElementsByTagName('error').length,
  }));

describe('the runner against real SP libraries', () => {
  it('passes a valid login and a fault the SP rejects, in JSON and JUnit', async () => {
    const { json, junit } = await run([samlValid, oidcValid, samlAudience, oidcAudience], 'strict');
    expect(verdicts(json)).toEqual({
      't.saml.valid': 'pass',
      't.oidc.valid': 'pass',
      't.saml.audience': 'pass',
      't.oidc.audience': 'pass',
    });
    expect(json.summary).toMatchObject({ total: 4, passed: 4, failed: 0, errored: 0 });
    const suite = junit.getElementsByTagName('testsuite')[0]!;
    expect([
      suite.getAttribute('tests'),
      suite.getAttribute('failures'),
      suite.getAttribute('errors'),
    ]).toEqual(['4', '0', '0']);
    expect(testcases(junit).every((t) => t.failure === 0 && t.error === 0)).toBe(true);
    // Both reports say how the target was calibrated.
    expect(json.calibrations).toMatchObject([{ targetId: 'demo-sp', ok: true }]);
    const property = (name: string) =>
      Array.from(suite.getElementsByTagName('property')).find((p) => p.getAttribute('name') === name);
    expect(property('calibration')?.getAttribute('value')).toBe('ok');
    expect(property('calibration.summary')?.getAttribute('value')).toContain('no session');
    const audience = json.results.find((r) => r.scenarioId === 't.saml.audience')!;
    expect(audience.observed).toContain('no session');
    expect(
      audience.trace.some((e) => e.direction === 'out' && e.decoded?.includes('https://other-sp.invalid')),
    ).toBe(true);
  });

  it('writes in the HTML report what each fault changed against the run’s clean login', async () => {
    await run([samlValid, oidcValid, samlAudience, oidcAudience], 'diff');
    // <pre> parsed as markup, not raw text: the diff's lines are spans inside it.
    const page = parse(readFileSync(join(out, 'diff.html'), 'utf8'), {
      blockTextElements: { script: true, style: true },
    });
    const changes = (id: string) => {
      const terms = page.querySelectorAll(`details#r-${id.replace(/\./g, '-')}-demo-sp > dl > dt`);
      const dd = terms.find((dt) => dt.text === 'what the faults changed')?.nextElementSibling;
      return {
        text: dd?.text ?? '',
        added: dd?.querySelectorAll('.diff pre span.add').map((s) => s.text) ?? [],
        removed: dd?.querySelectorAll('.diff pre span.del').map((s) => s.text) ?? [],
      };
    };
    const saml = changes('t.saml.audience');
    expect(saml.text).toContain('the clean login t.saml.valid');
    expect(saml.added.join('\n')).toContain('https://other-sp.invalid');
    expect(saml.removed.join('\n')).toMatch(
      /<saml:Audience>http:\/\/127\.0\.0\.1:\d+\/saml\/saml<\/saml:Audience>/,
    );
    // Per-login values (IDs, instants, signature values) are not reported as changes.
    expect([...saml.added, ...saml.removed].join('\n')).not.toMatch(/IssueInstant|SignatureValue|ID="_/);
    const oidc = changes('t.oidc.audience');
    expect(oidc.text).toContain('the clean login t.oidc.valid');
    expect(oidc.added.join('\n')).toContain('"aud": "another-client"');
    expect(oidc.removed.join('\n')).toContain('"aud": "demo-sp-google"');
    expect([...oidc.added, ...oidc.removed].join('\n')).not.toMatch(/code_challenge|nonce|"iat"/);
    // A clean login has nothing to compare.
    expect(changes('t.saml.valid').text).toBe('');
  });

  it('fails the same faults against a lax configuration of the SP', async () => {
    await demo.restartSp(['audience', 'oidc-audience']);
    try {
      const { json, junit } = await run([samlAudience, oidcAudience], 'lax');
      expect(verdicts(json)).toEqual({ 't.saml.audience': 'fail', 't.oidc.audience': 'fail' });
      expect(json.results[0]!.observed).toContain('logged in as');
      expect(testcases(junit).map((t) => t.failure)).toEqual([1, 1]);
    } finally {
      await demo.restartSp([]);
    }
  });

  it('gives error, not fail, for a target that does not answer', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const target = {
      ...demo.target,
      connections: { saml: { ...demo.target.connections.saml!, loginUrl: `${dead}/login/saml` } },
      probe: { ...demo.target.probe, url: `${dead}/me` },
    };
    const { json, junit } = await run([samlValid, samlAudience], 'dead', target);
    expect(verdicts(json)).toEqual({ 't.saml.valid': 'error', 't.saml.audience': 'error' });
    expect(json.results[0]!.reason).toMatch(/fetch failed|ECONNREFUSED/);
    expect(testcases(junit).map((t) => t.error)).toEqual([1, 1]);
  });

  it('runs 50 flows at once, each with exactly its own faults', async () => {
    const driver = createHttpDriver();
    const marker = (i: number) => `marker-${String(i).padStart(3, '0')}-end`;
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const rejected = i % 2 === 1;
        const flow = demo.harness.flow({
          provider: 'demo-saml',
          user: 'alice',
          faults: rejected
            ? [{ fault: 'saml.audience', params: { audiences: [`https://${marker(i)}.invalid`] } }]
            : [{ fault: 'saml.attribute', params: { name: 'givenName', values: [marker(i)] } }],
        });
        const session = await driver.newSession({ signal: AbortSignal.timeout(30_000) });
        await session.bindFlow(demo.harness.url, flow.id);
        await session.open(`${demo.spUrl}/login/saml`);
        const probe = await session.probe(`${demo.spUrl}/me`);
        const sent = flow
          .trace()
          .filter((e) => e.direction === 'out' && e.kind === 'Response')
          .map((e) => e.decoded ?? '');
        flow.end();
        return { i, rejected, status: probe.status, sent };
      }),
    );
    for (const { i, rejected, status, sent } of outcomes) {
      expect(sent, `flow ${i} sent one response`).toHaveLength(1);
      const markers = sent[0]!.match(/marker-\d{3}-end/g) ?? [];
      expect(markers, `flow ${i} carries only its own fault`).toEqual([marker(i)]);
      expect(status, `flow ${i}`).toBe(rejected ? 401 : 200);
    }
  });
});
