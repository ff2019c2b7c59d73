import type { ScimDialectName } from '../../../config/schema.ts';
import { createHttpDriver } from '../../../runner/drivers/http.ts';
import { schedule } from '../../../runner/scheduler.ts';
import { executeScimJob } from '../../../runner/scim/execute.ts';
import { planScimJobs } from '../../../runner/scim/plan.ts';
import type { ScenarioResult } from '../../../runner/types.ts';
import type { ScimScenario } from '../../../scenarios/scim/schema.ts';
import type { Demo } from '../../support/demo.ts';

/** Runs SCIM scenarios against the demo SP as it is now, in the given dialects (or each provider's own). */
export async function runScim(
  demo: Demo,
  scenarios: readonly ScimScenario[],
  options: { dialects?: readonly ScimDialectName[]; workers?: number; connection?: string } = {},
): Promise<Array<ScenarioResult & { dialect: ScimDialectName }>> {
  const { server } = demo.harness;
  let jobs = planScimJobs(
    scenarios,
    { 'demo-sp': demo.target },
    server.context.config,
    server.context.directory,
    {
      dialects: options.dialects,
    },
  );
  if (options.connection) jobs = jobs.filter((j) => j.connectionName === options.connection);
  const driver = createHttpDriver();
  const results: Array<ScenarioResult & { dialect: ScimDialectName }> = [];
  try {
    await schedule(
      jobs.map((job) => ({ ...job, exclusive: false })),
      options.workers ?? 4,
      async (job) => {
        const result = await executeScimJob(job, {
          harness: server,
          driver,
          timeoutMs: 30_000,
          backoffMs: 50,
        });
        results.push({ ...result, dialect: job.scim?.dialect ?? 'rfc' });
      },
    );
  } finally {
    await driver.close();
  }
  return results.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export const explain = (r: ScenarioResult | undefined): string =>
  r
    ? `${r.verdict}: ${r.reason}\n${r.steps.map((s) => `  ${s.verdict} ${s.title ?? s.action}: ${s.observed}`).join('\n')}`
    : 'no result';
