import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../scenarios/index.ts';
import { type Demo, startDemo } from '../support/demo.ts';

const baselines = catalog().filter(
  (s) => s.id === 'saml.baseline.sp-initiated' || s.id === 'saml.audience.wrong',
);

describe('a target whose probe page looks the same logged in and out', () => {
  let demo: Demo;
  beforeAll(async () => {
    // /signin lists every user's email, with or without a session, at the same URL.
    demo = await startDemo({ failureStyle: 'login-page', probe: (sp) => ({ url: `${sp}/signin` }) });
  });
  afterAll(() => demo?.close());

  it('fails calibration, and every scenario of it is error with the hint', async () => {
    const run = await demo.run(baselines);
    expect(run.calibrations).toHaveLength(1);
    const [calibration] = run.calibrations;
    expect(calibration!.ok).toBe(false);
    expect(calibration!.summary).toContain('shows alice@example.com with and without a session');
    expect(calibration!.hint).toContain('probe.finalUrl');
    expect(run.results.map((r) => r.verdict)).toEqual(['error', 'error']);
    for (const r of run.results) expect(r.reason).toContain('set targets.demo-sp.probe.finalUrl');
  });
});

describe('a target whose logged-out page shows identities elsewhere', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ failureStyle: 'login-page', probe: (sp) => ({ url: `${sp}/me` }) });
  });
  afterAll(() => demo?.close());

  it('learns the logged-in URL and judges by it', async () => {
    const run = await demo.run(baselines);
    const [calibration] = run.calibrations;
    expect(calibration).toMatchObject({ ok: true, learned: { sessionPath: '/me' } });
    expect(calibration!.noSession).toMatchObject({ identity: 'alice@example.com', row: 'session' });
    expect(run.results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
    const refused = run.results.find((r) => r.scenarioId === 'saml.audience.wrong')!;
    expect(refused.steps[0]!.probe).toMatchObject({ row: 'calibrated-url', session: false });
  });

  it('is reused for the same target config on the same harness', async () => {
    const first = (await demo.run(baselines)).calibrations[0]!;
    const second = (await demo.run(baselines)).calibrations[0]!;
    expect(second.at).toBe(first.at);
  });
});

describe('a target whose SP is down', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
    await demo.sp.close();
  });
  afterAll(() => demo?.close().catch(() => {}));

  it('fails calibration: error, never pass', async () => {
    const run = await demo.run(baselines);
    expect(run.calibrations[0]!.ok).toBe(false);
    expect(run.results.every((r) => r.verdict === 'error')).toBe(true);
    expect(run.results[0]!.reason).toMatch(/ECONNREFUSED|never reached the IdP|socket/);
  });
});
