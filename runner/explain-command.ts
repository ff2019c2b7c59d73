import { loadConfig } from '../config/load.ts';
import {
  contextOptions,
  type ExplainCommandOptions,
  readInputFile,
  writeExplanation,
} from '../explain/command.ts';
import type { HarnessView } from '../explain/context/harness.ts';
import { resolveContext } from '../explain/context/index.ts';
import { explainDefaults } from '../explain/defaults.ts';
import { ExplainError } from '../explain/errors.ts';
import { explain, explainOversized } from '../explain/explain.ts';
import type { Explanation } from '../explain/types.ts';
import { mountProviders } from '../idp/providers.ts';
import { createIdpContext, type IdpServer, startIdpServer } from '../idp/server.ts';
import { launchDemoTargets } from './demo-target.ts';
import { type ReproduceOutcome, reproduceExplanation } from './explain-reproduce.ts';

/**
 * `sso-harness explain FILE`: explains a captured message (or HAR) and prints the checks;
 * with `--reproduce --target T`, runs the scenario that commits the same defects against
 * the target and says whether the SP refuses as the customer's SP did (with --json, as
 * `reproduce` beside the explanation). Returns the exit code: 0 no problem, 1 problems,
 * 2 unreadable input; with --reproduce, `reproduceExitCodes`.
 */
export async function explainCommand(
  file: string,
  options: ExplainCommandOptions,
  out: (text: string) => void = (text) => process.stdout.write(text),
): Promise<number> {
  if (options.reproduce && !options.target) {
    throw new ExplainError(
      'EXPLAIN_BAD_OPTION',
      '--reproduce needs --target: the SP to replay the defects against',
      {
        hint: 'Name a target of the config: sso-harness explain FILE --reproduce --target my-app',
      },
    );
  }
  const input = await readInputFile(file);
  const skew = options.skew ?? explainDefaults.clockSkewSeconds;
  if ('tooLarge' in input)
    return writeExplanation(explainOversized(input.tooLarge, input.name, skew), options, out);

  const harness = options.target ? await openHarness(options) : undefined;
  try {
    const explanation = await explain({
      text: input.text,
      name: input.name === 'standard input' ? undefined : input.name,
      mask: options.mask,
      context: (protocol, hints) => resolveContext(contextOptions(options, harness?.view), protocol, hints),
    });
    if (!options.reproduce || !harness?.server || explanation.outcome === 'unreadable')
      return await writeExplanation(explanation, options, out);
    const outcome = await reproduce(explanation, harness.server, options);
    if (options.json) {
      const { result: _kept, ...reproduce } = outcome;
      const withReproduction: Explanation & { reproduce: typeof reproduce } = { ...explanation, reproduce };
      await writeExplanation(withReproduction, options, out);
    } else {
      await writeExplanation(explanation, options, out);
      out(`\n${outcome.line}\n`);
    }
    return reproduceExitCodes[outcome.outcome];
  } finally {
    await harness?.close();
  }
}

/**
 * Exit codes of `explain --reproduce`: 0 reproduced, 1 not reproduced (or nothing to
 * reproduce), 3 not judged (the run could not tell: SP unreachable, calibration failed).
 * 2 stays unreadable input or bad usage, as without --reproduce.
 */
export const reproduceExitCodes: Record<ReproduceOutcome['outcome'], number> = {
  reproduced: 0,
  'not-reproduced': 1,
  nothing: 1,
  'not-judged': 3,
};

async function reproduce(
  explanation: Explanation,
  server: IdpServer,
  options: ExplainCommandOptions,
): Promise<ReproduceOutcome> {
  const target = server.context.config.targets[options.target!]!;
  const demos = await launchDemoTargets({ [options.target!]: target }, server.url);
  try {
    return await reproduceExplanation(explanation, {
      server,
      target: options.target!,
      connection: options.connection,
      driver: options.driver ?? 'http',
    });
  } finally {
    await demos.close();
  }
}

/**
 * The harness the config describes, as explain reads it: with --reproduce it listens
 * (on the configured port, where the SP expects it); otherwise its providers are built
 * without a server, only to read their settings.
 */
async function openHarness(
  options: ExplainCommandOptions,
): Promise<{ view: HarnessView; server?: IdpServer; close(): Promise<void> }> {
  const loaded = await loadConfig({ file: options.config, flags: { stateDir: options.stateDir } });
  const { config } = loaded;
  if (!config.targets[options.target!]) {
    throw new ExplainError('EXPLAIN_BAD_OPTION', `unknown target "${options.target}"`, {
      hint: `Targets in the config: ${Object.keys(config.targets).join(', ') || '(none)'}.`,
    });
  }
  if (options.reproduce) {
    const server = await startIdpServer({ config, baseDir: loaded.baseDir, log: () => {} });
    return {
      view: { config, providers: server.providers, keys: server.context.keys },
      server,
      close: () => server.close(),
    };
  }
  const baseUrl = config.server.publicUrl ?? `http://${config.server.host}:${config.server.port}`;
  const context = createIdpContext({ config, baseUrl, baseDir: loaded.baseDir, log: () => {} });
  const providers = await mountProviders(context);
  return {
    view: { config, providers, keys: context.keys },
    close: async () => void (await Promise.all([...providers.values()].map((p) => p.close?.()))),
  };
}
