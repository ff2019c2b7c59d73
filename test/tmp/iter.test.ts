import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalog } from '../../scenarios/index.ts';
import { type Demo, startDemo } from '../support/demo.ts';

const filter = new RegExp(process.env.ITER ?? 'oidc.logout');
const lax = (process.env.ITER_LAX ?? '').split(',').filter(Boolean);
let demo: Demo;
beforeAll(async () => {
  demo = await startDemo({ lax });
}, 60_000);
afterAll(async () => demo?.close());

it('runs', async () => {
  const scenarios = catalog().filter((s) => filter.test(s.id));
  const record = await demo.run(scenarios);
  for (const r of record.results) console.log(`${r.verdict.padEnd(7)} ${r.scenarioId} ${r.durationMs}ms :: ${r.reason}`);
  if (process.env.ITER_TRACE) for (const r of record.results) for (const h of r.http) console.log(`  HTTP ${JSON.stringify(h).slice(0, 400)}`);
  if (process.env.ITER_TRACE) for (const r of record.results) for (const t of r.trace) console.log(`  ${t.time} ${t.direction} ${t.kind} ${t.summary} ${t.kind === "token" && t.direction === "out" ? t.decoded?.slice(0, 600) : ""}`);
  expect(record.results.length).toBeGreaterThan(0);
}, 300_000);
