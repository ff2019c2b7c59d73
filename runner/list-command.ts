import { loadConfig } from '../config/load.ts';
import { loadScenarios } from '../scenarios/index.ts';
import { scimCatalog } from '../scenarios/scim/index.ts';

/** `sso-harness list`: the catalog (and the config's own scenarios), SCIM scenarios included, as `run` runs them. */
export async function listCommand(options: { config?: string; json?: boolean }): Promise<void> {
  const loaded = await loadConfig({ file: options.config });
  const scenarios = loadScenarios(loaded.config);
  const scim = scimCatalog();
  if (options.json) {
    const rows = [
      ...scenarios.map((s) => ({
        id: s.id,
        title: s.title,
        protocol: s.protocol,
        tags: s.tags,
        expect: s.expect,
        faults: s.faults.map((f) => f.fault),
        why: s.why,
        refs: s.refs,
      })),
      ...scim.map((s) => ({
        id: s.id,
        title: s.title,
        protocol: 'scim',
        kind: s.kind,
        tags: s.tags,
        why: s.why,
      })),
    ];
    process.stdout.write(`${JSON.stringify({ count: rows.length, scenarios: rows }, null, 2)}\n`);
    return;
  }
  for (const s of scenarios) {
    const expect =
      typeof s.expect === 'string'
        ? s.expect
        : 'notAs' in s.expect
          ? 'not-as'
          : 'acceptAs' in s.expect
            ? 'accept'
            : 'withinSkew' in s.expect
              ? 'skew'
              : 'steps';
    process.stdout.write(`${s.id.padEnd(48)} ${s.protocol.padEnd(5)} ${expect.padEnd(7)} ${s.title}\n`);
  }
  for (const s of scim)
    process.stdout.write(`${s.id.padEnd(48)} scim  ${s.kind.slice(0, 7).padEnd(7)} ${s.title}\n`);
  process.stdout.write(`\n${scenarios.length + scim.length} scenarios (${scim.length} SCIM)\n`);
}
