import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../../runner/types.ts';
import { scimCatalog } from '../../../scenarios/scim/index.ts';
import { type Demo, startDemo } from '../../support/demo.ts';
import { explain, runScim } from './support.ts';

/** Every conformance check against the strict demo SP's SCIM server (scimmy behind our router). */
const checks = scimCatalog().filter((s) => s.kind === 'conformance');

let demo: Demo;
const results = new Map<string, ScenarioResult>();

beforeAll(async () => {
  demo = await startDemo();
  for (const r of await runScim(demo, checks, { connection: 'okta' })) results.set(r.scenarioId, r);
}, 300_000);

afterAll(async () => {
  await demo?.close();
});

describe('SCIM conformance of the strict demo SP', () => {
  it.each(checks.map((c) => c.id))('%s passes', (id) => {
    const result = results.get(id);
    expect(result?.verdict, explain(result)).toBe('pass');
  });

  it('a check fails, not errors, when the server answers wrongly (the lax SP ignores paging)', async () => {
    await demo.restartSp(['scim-pagination']);
    const [result] = await runScim(
      demo,
      checks.filter((c) => c.id === 'scim.conformance.pagination'),
      { connection: 'okta' },
    );
    expect(result?.verdict, explain(result)).toBe('fail');
    expect(result?.reason).toMatch(/startIndex|totalResults|resources/);
  });
});
