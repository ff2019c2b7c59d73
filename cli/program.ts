import { Command, InvalidArgumentError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import type { InitOptions } from '../runner/init-command.ts';
import type { MergeReportsOptions } from '../runner/merge-reports-command.ts';
import type { RunCommandOptions } from '../runner/run-command.ts';
import type { ServeOptions } from '../runner/serve-command.ts';

/**
 * Declares the commands; each action lives with the code it drives and is imported when
 * its command runs, so `--version` and `--help` do not load the whole harness.
 */
export function buildProgram(): Command {
  const program = new Command('sso-harness')
    .description(
      'A mock SAML 2.0 and OpenID Connect identity provider that replays failure scenarios against your SP.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('serve')
    .description('start the mock identity providers (and the UI) and keep serving')
    .option(
      '-c, --config <file>',
      'configuration file (default: sso-harness.config.{ts,json} in the working directory)',
    )
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', parsePort)
    .option('--host <host>', 'interface to bind (default 127.0.0.1)')
    .option(
      '--demo-sp-port <n>',
      'port of the bundled demo SP in the built-in configuration (default 7100; 0 picks a free one)',
      parsePort,
    )
    .option('--state-dir <dir>', 'folder for keys, targets and run history')
    .option('--lax <switches>', 'lax switches for the bundled demo SP target, e.g. audience,replay-cache')
    .option('--run <suite>', 'run this suite once with the list reporter, then keep serving')
    .action(async (options: ServeOptions) => {
      const { serve } = await import('../runner/serve-command.ts');
      await serve(options);
    });

  program
    .command('metadata')
    .description("print a SAML provider's metadata XML")
    .option('-c, --config <file>', 'configuration file')
    .addOption(new Option('--provider <id>', 'SAML provider id (default: the first)'))
    .option('--base-url <url>', 'base URL the metadata should name (default: from the config)')
    .action(async (options: { config?: string; provider?: string; baseUrl?: string }) => {
      const { printMetadata } = await import('../idp/saml/metadata-command.ts');
      await printMetadata(options);
    });

  program
    .command('run')
    .description('run scenarios against the configured targets and report pass / fail / error')
    .option('-c, --config <file>', 'configuration file')
    .option('-t, --target <name...>', 'target(s) to run against (default: all)')
    .option('-g, --grep <regexp>', 'only scenarios whose id or title matches')
    .option('--tag <tag...>', 'only scenarios with one of these tags')
    .addOption(
      new Option('--protocol <protocol>', 'only SAML or only OIDC scenarios').choices(['saml', 'oidc']),
    )
    .option('--suite <name>', 'a suite from the config (a list of ids or a tag filter)')
    .addOption(
      new Option('--driver <driver>', 'HTTP client or real browser')
        .choices(['http', 'browser'])
        .default('http'),
    )
    .option('-r, --reporter <list>', 'reporters: list,json=PATH,junit=PATH,html=PATH', 'list')
    .option(
      '-w, --workers <n>',
      'scenarios run at once (default: twice the CPUs, at most 8)',
      parsePositiveInt,
    )
    .option('--shard <i/n>', 'run only shard i of n (deterministic split for CI machines)')
    .option('--timeout <ms>', 'per-scenario timeout in milliseconds (default 20000)', parsePositiveInt)
    .option('--lax <switches>', 'lax switches for the bundled demo SP target, e.g. audience,replay-cache')
    .option('--trace <dir>', 'browser driver: keep a Playwright trace of each failed or errored result here')
    .option('--state-dir <dir>', 'folder for keys and run history')
    .option(
      '-p, --port <n>',
      'port of the harness started for the run (default 7000; 0 picks a free one)',
      parsePort,
    )
    .option(
      '--demo-sp-port <n>',
      'port of the bundled demo SP in the built-in configuration (default 7100; 0 picks a free one)',
      parsePort,
    )
    .option(
      '--harness-url <url>',
      'run on an already running `sso-harness serve` at this URL (its config, targets and history)',
    )
    .action(async (options: RunCommandOptions) => {
      const { runCommand } = await import('../runner/run-command.ts');
      process.exitCode = await runCommand(options);
    });

  program
    .command('list')
    .description('list the scenario catalog: ids, titles, tags, expectations')
    .option('-c, --config <file>', 'configuration file (adds its own scenarios)')
    .option('--json', 'print JSON')
    .action(async (options: { config?: string; json?: boolean }) => {
      const { listCommand } = await import('../runner/list-command.ts');
      await listCommand(options);
    });

  program
    .command('merge-reports')
    .description('merge the JSON reports of `run --shard i/n` into one report')
    .argument('<files...>', 'JSON reports written by `run --reporter json=FILE`')
    .option(
      '-r, --reporter <list>',
      'reporters for the merged run: list,json=PATH,junit=PATH,html=PATH',
      'list',
    )
    .action(async (files: string[], options: MergeReportsOptions) => {
      const { mergeReportsCommand } = await import('../runner/merge-reports-command.ts');
      process.exitCode = await mergeReportsCommand(files, options);
    });

  program
    .command('init')
    .description('write a starter sso-harness.config.ts for your SP, and say what to fill in')
    .option('--sp-metadata <url-or-file>', "your SAML SP's metadata (a URL or a file)")
    .option('--redirect-uri <url...>', "your OIDC RP's redirect URI(s)")
    .option('-o, --out <file>', 'file to write (.ts, .mts, .js, .mjs or .json)', 'sso-harness.config.ts')
    .option('--force', 'overwrite the file if it exists')
    .action(async (options: InitOptions) => {
      const { initCommand } = await import('../runner/init-command.ts');
      await initCommand(options);
    });

  return program;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`expected a port number from 0 to 65535, got "${value}"`);
  }
  return port;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number of 1 or more, got "${value}"`);
  return n;
}
