import { afterAll, beforeAll, expect, it } from 'vitest';
import { scimCatalog } from '../../../scenarios/scim/index.ts';
import { type Demo, startDemo } from '../../support/demo.ts';
import { explain, runScim } from './support.ts';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
}, 60_000);
afterAll(async () => demo?.close());

it('smoke', async () => {
  const results = await runScim(demo, scimCatalog().filter((s) => s.kind === 'provisioning'), { dialects: ['rfc', 'entra', 'okta', 'onelogin'] });
  for (const r of results) console.log(r.key, explain(r));
  expect(results.length).toBeGreaterThan(0);
}, 300_000);
