import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunRecord } from '../../runner/types.ts';
import { catalog } from '../../scenarios/index.ts';
import { type Demo, startDemo } from '../support/demo.ts';

/**
 * The catalog names roles, never the demo's users or connections: a copy of the built-in
 * config with every user, provider, SP entry, OIDC client, connection and target renamed
 * runs the same scenarios with the same verdicts.
 */
const renamed = {
  provider: (id: string) => `idp-${id.split('').reverse().join('')}`,
  user: (id: string) => `person-${id.length}-${id.toUpperCase()}`,
  connection: (name: string) => `conn_${name}`,
  client: (id: string) => `client.${id}`,
  sp: 'my-saas',
  target: 'my-app',
};

let builtin: Demo;
let copy: Demo;
let before: RunRecord;
let after: RunRecord;

beforeAll(async () => {
  [builtin, copy] = await Promise.all([startDemo(), startDemo({ names: renamed })]);
  [before, after] = await Promise.all([builtin.run(catalog()), copy.run(catalog())]);
}, 300_000);

afterAll(async () => {
  await Promise.all([builtin?.close(), copy?.close()]);
});

it('runs the same number of scenarios, and skips the same', () => {
  expect(after.summary.total).toBe(before.summary.total);
  expect(after.summary.skipped).toBe(before.summary.skipped);
  expect(after.summary.passed).toBe(before.summary.passed);
});

it('gives every scenario the same verdict', () => {
  const verdicts = (run: RunRecord) => Object.fromEntries(run.results.map((r) => [r.scenarioId, r.verdict]));
  expect(verdicts(after)).toEqual(verdicts(before));
  expect(after.results.every((r) => r.target === 'my-app')).toBe(true);
});

it('used the renamed names', () => {
  const connections = new Set(after.results.map((r) => r.connection).filter(Boolean));
  expect([...connections].every((c) => c!.startsWith('conn_'))).toBe(true);
  expect(after.results.some((r) => r.provider?.startsWith('idp-'))).toBe(true);
});
