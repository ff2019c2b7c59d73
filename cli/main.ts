import { CommanderError } from 'commander';
import { ConfigError } from '../config/errors.ts';
import { HarnessError } from '../lib/errors.ts';
import { exitCodes } from './exit-codes.ts';
import { buildProgram } from './program.ts';

// `sso-harness list --json | head`: the reader left; stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const program = buildProgram();
program.exitOverride();
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const helpShown =
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.help' ||
      error.code === 'commander.version';
    process.exitCode = helpShown ? exitCodes.ok : exitCodes.usage;
  } else if (error instanceof ConfigError) {
    console.error(`sso-harness: bad configuration\n${error.message}`);
    process.exitCode = exitCodes.usage;
  } else if (error instanceof HarnessError) {
    const hint = (error as { hint?: unknown }).hint;
    console.error(
      `sso-harness: ${error.message} (${error.code})${typeof hint === 'string' ? `\n${hint}` : ''}`,
    );
    process.exitCode = error.status < 500 ? exitCodes.usage : exitCodes.failed;
  } else {
    console.error(error);
    process.exitCode = exitCodes.failed;
  }
}
