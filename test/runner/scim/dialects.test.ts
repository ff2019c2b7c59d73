import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scimDialectNames } from '../../../config/schema.ts';
import { laxNames } from '../../../examples/demo-sp/index.ts';
import type { ScenarioResult } from '../../../runner/types.ts';
import { scimCatalog } from '../../../scenarios/scim/index.ts';
import type { CaughtBy, ProvisioningScenario } from '../../../scenarios/scim/schema.ts';
import { type Demo, startDemo } from '../../support/demo.ts';
import { explain, runScim } from './support.ts';

/**
 * The proof that the provisioning scenarios are honest, in every dialect: against the
 * strict demo SP each passes (or is skipped where the IdP never sends the request);
 * against the demo SP with a scim-* lax switch, each scenario that names the switch (for
 * that dialect) fails.
 */
const scenarios = scimCatalog().filter((s): s is ProvisioningScenario => s.kind === 'provisioning');
const scimSwitches = laxNames.filter((n) => n.startsWith('scim-'));
const dialects = scimDialectNames;

const catches = (c: CaughtBy, lax: string, dialect: string) =>
  typeof c === 'string' ? c === lax : c.lax === lax && c.dialects.includes(dialect as never);

let demo: Demo;
const strict = new Map<string, ScenarioResult>();
const lax = new Map<string, ScenarioResult>();

beforeAll(async () => {
  demo = await startDemo();
  for (const r of await runScim(demo, scenarios, { dialects })) strict.set(`${r.scenarioId} ${r.dialect}`, r);
  for (const name of scimSwitches) {
    const caught = scenarios.filter((s) =>
      s.caughtBy?.some((c) => (typeof c === 'string' ? c : c.lax) === name),
    );
    if (caught.length === 0) continue;
    await demo.restartSp([name]);
    for (const r of await runScim(demo, caught, { dialects }))
      lax.set(`${name} ${r.scenarioId} ${r.dialect}`, r);
  }
}, 600_000);

afterAll(async () => {
  await demo?.close();
});

describe('every provisioning scenario passes against the strict demo SP, in every dialect', () => {
  const cases = scenarios.flatMap((s) => dialects.map((d) => [s.id, d, s] as const));
  it.each(cases)('%s (%s)', (id, dialect, scenario) => {
    const result = strict.get(`${id} ${dialect}`);
    if (scenario.requires?.deletes && dialect === 'okta') {
      expect(result?.verdict, explain(result)).toBe('skipped');
      return;
    }
    expect(result?.verdict, explain(result)).toBe('pass');
  });
});

describe('each scim-* lax switch makes the scenarios that name it fail', () => {
  it.each(scimSwitches)('%s is named by at least one scenario', (name) => {
    expect(scenarios.some((s) => s.caughtBy?.some((c) => (typeof c === 'string' ? c : c.lax) === name))).toBe(
      true,
    );
  });
  const cases = scimSwitches.flatMap((name) =>
    scenarios.flatMap((s) =>
      dialects
        .filter((d) => s.caughtBy?.some((c) => catches(c, name, d)))
        .filter((d) => !(s.requires?.deletes && d === 'okta'))
        .map((d) => [name, s.id, d] as const),
    ),
  );
  it.each(cases)('--lax %s: %s (%s) fails', (name, id, dialect) => {
    const result = lax.get(`${name} ${id} ${dialect}`);
    expect(result?.verdict, explain(result)).toBe('fail');
  });
});
