import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmZoo } from '../../examples/sp-zoo/registry-npm.ts';
import {
  catalogFingerprint,
  readVerdictFile,
  verdictChanges,
  verdictFile,
} from '../../examples/sp-zoo/report-card.ts';
import { runZooSp, type ZooRun } from '../../examples/sp-zoo/run.ts';
import { catalog } from '../../scenarios/index.ts';
import { type Scenario, scenarioSchema } from '../../scenarios/schema.ts';

/**
 * The npm half of the SP zoo: each real library, in its own process, set up as its docs show,
 * logs alice in, and gives the whole catalog of its protocol the verdicts its committed report
 * card records (docs/report-cards/<id>.json). A changed verdict names the scenario; regenerate the
 * cards with `npm run report-cards` when the change is meant.
 */

const cardsDir = new URL('../../docs/report-cards/', import.meta.url).pathname;

/**
 * The catalog's OIDC baselines each ask for a vendor persona (google, auth0, entra); the zoo's
 * providers are generic, so the plain login is checked with this one.
 */
const oidcGenericBaseline: Scenario = scenarioSchema.parse({
  id: 'zoo.oidc.baseline-generic',
  title: 'Valid code flow: generic provider',
  protocol: 'oidc',
  expect: 'accept',
  why: 'The reference login against a generic-persona provider.',
});
const baselineOf = { saml: 'saml.baseline.sp-initiated', oidc: oidcGenericBaseline.id } as const;

const runs = new Map<string, ZooRun>();
const scenarios = catalog();

beforeAll(async () => {
  const done = await Promise.all(
    Object.values(npmZoo).map((sp) =>
      runZooSp(sp, { extra: sp.protocol === 'oidc' ? [oidcGenericBaseline] : [], workers: 3 }),
    ),
  );
  for (const run of done) runs.set(run.sp.id, run);
}, 180_000);

afterAll(() => runs.clear());

describe.each(Object.keys(npmZoo))('zoo SP %s', (id) => {
  it('logs the subject in (baseline passes)', () => {
    const run = runs.get(id)!;
    const baseline = run.record.results.find((r) => r.scenarioId === baselineOf[run.sp.protocol]);
    expect(baseline, `${baselineOf[run.sp.protocol]} was not run`).toBeDefined();
    expect(baseline!.verdict, `${baseline!.scenarioId}: ${baseline!.reason}`).toBe('pass');
    expect(run.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('gives the verdicts of its committed report card', () => {
    const run = runs.get(id)!;
    const committed = readVerdictFile(join(cardsDir, `${id}.json`));
    const fingerprint = catalogFingerprint(scenarios, run.sp.protocol);
    expect(
      committed.catalogFingerprint,
      `docs/report-cards/${id}.json was made against another catalog; run npm run report-cards -- --only ${id}`,
    ).toBe(fingerprint);
    const current = verdictFile(run, fingerprint);
    const changes = verdictChanges(committed.verdicts, current.verdicts).map((c) => {
      const result = run.record.results.find((r) => r.scenarioId === c.scenarioId);
      return `${c.scenarioId}: card ${c.committed}, now ${c.current} (${result?.reason ?? 'not run'})`;
    });
    expect(changes).toEqual([]);
  });
});
