import { IdpError } from '../../idp/errors.ts';
import type { IdpServer } from '../../idp/server.ts';
import type { ScenarioInput } from '../../scenarios/schema.ts';
import { validateScenarios } from '../../scenarios/validate.ts';
import { createHttpDriver } from '../drivers/http.ts';
import { runScenarios } from '../run.ts';
import type { ScenarioResult } from '../types.ts';
import type { RunRoutesOptions } from './runs.ts';
import { findTarget } from './targets.ts';

/**
 * The same login as a result, without its faults: the evidence the Result page compares
 * against to show what the faults changed.
 */
export async function cleanRun(
  result: ScenarioResult,
  options: RunRoutesOptions,
  harness: IdpServer,
): Promise<ScenarioResult> {
  if (result.protocol === 'scim') {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `"${result.key}" is a provisioning scenario; it has no single faulty login to compare with`,
    );
  }
  if (!result.connection || result.verdict === 'skipped') {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      `"${result.key}" was not run, so there is no login to compare with`,
    );
  }
  const target = await findTarget(options.context.config, options.store, result.target);
  const original = options.scenarios().find((s) => s.id === result.scenarioId);
  const directoryUser = result.user ? options.context.directory.findByEmail(result.user) : undefined;
  const input: ScenarioInput = {
    id: `${result.scenarioId}.baseline`.replace(/[^a-z0-9.-]/g, '-').replace(/^[^a-z0-9]+/, 'b'),
    title: `${result.title} (without faults)`,
    protocol: result.protocol,
    provider: result.provider,
    connection: result.connection,
    user: directoryUser ? directoryUser.id : result.user ? { email: result.user } : undefined,
    flow: original?.flow ?? { type: 'sp-initiated' },
    faults: [],
    expect: 'accept',
    why: 'The same login without faults, to compare with.',
  };
  const [scenario] = validateScenarios([input], options.registry(), 'the baseline');
  const record = await runScenarios({
    harness,
    scenarios: [scenario!],
    targets: { [target.id]: target.target },
    registry: options.registry(),
    driver: createHttpDriver(),
    workers: 1,
    timeoutMs: options.timeoutMs,
  });
  const baseline = record.results[0];
  if (!baseline) throw new IdpError('INTERNAL', 500, 'the clean login produced no result');
  return baseline;
}
