import type { Explanation } from '../explain/types.ts';
import { faultRegistry } from '../idp/faults/index.ts';
import type { IdpServer } from '../idp/server.ts';
import { describeError } from '../lib/errors.ts';
import { validateScenarios } from '../scenarios/validate.ts';
import { createBrowserDriver } from './drivers/browser.ts';
import { createHttpDriver } from './drivers/http.ts';
import { RunHistory } from './history.ts';
import { runScenarios } from './run.ts';
import type { ScenarioResult } from './types.ts';

/**
 * What `explain --reproduce` found, also its JSON (`reproduce` beside the explanation).
 * reproduced: the SP refused the harness's defective login, as the customer's was refused;
 * not-reproduced: it let the login through; not-judged: the run could not tell (the SP
 * unreachable, a calibration that failed); nothing: no fault commits the problems found.
 */
export interface ReproduceOutcome {
  outcome: 'reproduced' | 'not-reproduced' | 'not-judged' | 'nothing';
  /** What the reproduction looked for, in words (absent for `nothing`). */
  what?: string | undefined;
  line: string;
  runId?: string | undefined;
  result?: ScenarioResult | undefined;
}

/**
 * Runs the scenario an explanation composed (its faults commit the defects found)
 * against a target, and says whether the SP refuses the login as it refused the
 * customer: the scenario's `reject` expectation passes.
 */
export async function reproduceExplanation(
  explanation: Explanation,
  options: {
    server: IdpServer;
    target: string;
    connection?: string | undefined;
    driver: 'http' | 'browser';
    timeoutMs?: number;
  },
): Promise<ReproduceOutcome> {
  const composed = explanation.reproduction?.scenario;
  if (!composed) {
    const why =
      explanation.summary.problem === 0
        ? 'no problem was found'
        : `no fault of the harness commits ${explanation.reproduction?.unmatched.join(', ') ?? 'these problems'}`;
    return { outcome: 'nothing', line: `not reproduced: nothing to reproduce, ${why}` };
  }
  const target = options.server.context.config.targets[options.target]!;
  const connection =
    options.connection ??
    (await connectionFor(explanation, options.server, target.connections, composed.protocol));
  const [scenario] = validateScenarios([{ ...composed, connection }], faultRegistry, 'the reproduction');
  const driver = options.driver === 'browser' ? await createBrowserDriver() : createHttpDriver();
  try {
    const record = await runScenarios({
      harness: options.server,
      scenarios: [scenario!],
      targets: { [options.target]: target },
      registry: faultRegistry,
      driver,
      workers: 1,
      timeoutMs: options.timeoutMs ?? 20_000,
      history: new RunHistory(options.server.context.config.stateDir),
    });
    const result = record.results[0];
    const reading = result?.reproduction;
    if (!result || !reading) {
      return { outcome: 'not-judged', runId: record.id, line: `not judged: the run produced no result` };
    }
    return {
      outcome: reading.outcome,
      what: reading.what,
      line: `${reading.line}; run ${record.id}`,
      runId: record.id,
      result,
    };
  } catch (error) {
    return { outcome: 'not-judged', line: `not judged: ${describeError(error)}` };
  } finally {
    await driver.close();
  }
}

/** The connection of the target whose provider issued the captured messages, when one did. */
async function connectionFor(
  explanation: Explanation,
  server: IdpServer,
  connections: Record<string, { provider: string }>,
  protocol: 'saml' | 'oidc',
): Promise<string | undefined> {
  const issuers = new Set(explanation.messages.flatMap((m) => (m.issuer ? [m.issuer] : [])));
  for (const [name, c] of Object.entries(connections)) {
    const provider = server.providers.get(c.provider);
    if (!provider || provider.protocol !== protocol) continue;
    if (issuers.has((await provider.info()).entityId)) return name;
  }
  return undefined;
}
