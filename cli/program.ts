import { Command, InvalidArgumentError, Option } from 'commander';
import type { ExplainCommandOptions } from '../explain/command.ts';
import packageJson from '../package.json' with { type: 'json' };
import type { CompareCommandOptions } from '../runner/compare-command.ts';
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
    .option(
      '--api-token <token>',
      'token the API and UI require (env SSO_HARNESS_API_TOKEN); needed when --host is not loopback',
    )
    .option('--keep-runs <n>', 'runs the history keeps (default 500)', parsePositiveInt)
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
      new Option('--protocol <protocol>', 'only SAML, only OIDC, or only SCIM scenarios').choices([
        'saml',
        'oidc',
        'scim',
      ]),
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
      'scenarios run at once (default: HTTP driver twice the CPUs, at most 8; browser driver one per CPU, at most 4)',
      parsePositiveInt,
    )
    .option('--shard <i/n>', 'run only shard i of n (deterministic split for CI machines)')
    .option(
      '--connection <name|all>',
      'run each scenario on this connection of the target, or on every one that fits (default: the first that fits)',
    )
    .option('--timeout <ms>', 'per-scenario timeout in milliseconds (default 20000)', parsePositiveInt)
    .option('--lax <switches>', 'lax switches for the bundled demo SP target, e.g. audience,replay-cache')
    .option('--trace <dir>', 'browser driver: keep a Playwright trace of each failed or errored result here')
    .addOption(
      new Option('--screenshots <which>', 'browser driver: keep a screenshot of failed results, or of all')
        .choices(['failures', 'all'])
        .default('failures'),
    )
    .option('--state-dir <dir>', 'folder for keys and run history')
    .option('--keep-runs <n>', 'runs the history keeps (default 500)', parsePositiveInt)
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
    .command('explain')
    .description(
      "check a captured SAMLResponse, AuthnRequest, logout message, id_token, token answer, redirect URL, HAR file or SAML-tracer export against the SP's settings",
    )
    .argument('<file>', 'the capture, or - for standard input')
    .option(
      '--sp-metadata <file|url>',
      "the SP's metadata (entityID, ACS URLs, NameID formats, certificates)",
    )
    .option('--idp-metadata <file|url>', "the IdP's metadata (entityID, signing certificates)")
    .option('--discovery <url>', "the OP's issuer or discovery URL (issuer, JWKS)")
    .option('--jwks <file|url>', "the OP's JWKS")
    .option('-c, --config <file>', 'configuration file, for --target')
    .option('-t, --target <name>', "a target of the config: its connection's SP and IdP settings")
    .option('--connection <name>', 'the connection of the target (default: the first of the protocol)')
    .option('--entity-id <id>', "the SP's entityID")
    .option('--acs <url...>', "the SP's ACS URL(s)")
    .option('--client-id <id>', "the RP's client_id")
    .option('--redirect-uri <url...>', "the RP's redirect URI(s)")
    .option('--issuer <id>', 'the IdP entityID / OP issuer the SP trusts')
    .option('--require-attribute <name...>', 'SAML attributes the SP needs')
    .option('--require-claim <name...>', 'claims the RP needs in the id_token')
    .option('--key <file>', "the SP's private key (PEM): decrypts EncryptedAssertion and JWE")
    .option('--at <iso>', 'capture time (default: from the HAR, or the IssueInstant / iat)')
    .option(
      '--skew <seconds>',
      "clock skew to allow, in seconds (default: the target's clockSkewSeconds, else 180)",
      parseSeconds,
    )
    .option('--nonce <value>', 'the nonce the RP sent (when the capture lacks the request)')
    .option('--state <value>', 'the state the RP sent')
    .option('--in-response-to <id>', 'the AuthnRequest ID the SP sent')
    .option('--json', 'print the explanation as JSON (docs/explain-json.md)')
    .option('--html <file>', 'also write a self-contained HTML page')
    .option(
      '--mask',
      'replace names, emails and user IDs with placeholders before anything is shown or saved',
    )
    .option('-v, --verbose', 'show every ok check in full')
    .option(
      '--reproduce',
      'replay the defects found against --target with the harness; prints reproduced or not',
    )
    .addOption(
      new Option('--driver <driver>', 'driver for --reproduce').choices(['http', 'browser']).default('http'),
    )
    .option('--state-dir <dir>', 'folder for keys and run history')
    .action(async (file: string, options: ExplainCommandOptions) => {
      const { explainCommand } = await import('../runner/explain-command.ts');
      process.exitCode = await explainCommand(file, options);
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
    .command('compare')
    .description('compare two runs of the history: results whose verdict changed, appeared or disappeared')
    .argument('<a>', 'id of the earlier run (`sso-harness serve` lists them on the History page)')
    .argument('<b>', 'id of the later run')
    .option('-c, --config <file>', 'configuration file (for its state folder)')
    .option('--state-dir <dir>', 'folder with the run history')
    .option('--json', 'print the comparison as JSON')
    .action(async (a: string, b: string, options: CompareCommandOptions) => {
      const { compareCommand } = await import('../runner/compare-command.ts');
      process.exitCode = await compareCommand(a, b, options);
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

export function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`expected seconds (0 or more), got "${value}"`);
  return n;
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
