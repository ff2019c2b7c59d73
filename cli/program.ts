import { Command, InvalidArgumentError, Option } from 'commander';
import { printMetadata } from '../idp/saml/metadata-command.ts';
import { serve } from '../idp/serve.ts';

/** Declares the commands; each action lives with the code it drives. */
export function buildProgram(): Command {
  const program = new Command('sso-harness')
    .description(
      'A mock SAML 2.0 and OpenID Connect identity provider that replays failure scenarios against your SP.',
    )
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
    .option('--state-dir <dir>', 'folder for keys, targets and run history')
    .action(async (options: { config?: string; port?: number; host?: string; stateDir?: string }) => {
      await serve(options);
    });

  program
    .command('metadata')
    .description("print a SAML provider's metadata XML")
    .option('-c, --config <file>', 'configuration file')
    .addOption(new Option('--provider <id>', 'SAML provider id (default: the first)'))
    .option('--base-url <url>', 'base URL the metadata should name (default: from the config)')
    .action(async (options: { config?: string; provider?: string; baseUrl?: string }) => {
      await printMetadata(options);
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
