/**
 * Runs the demo SP in its own process:
 *   node examples/demo-sp/main.ts --port 7100 --harness http://127.0.0.1:7000 [--lax audience,replay-cache] [--failure-style login-page]
 */
import { parseArgs } from 'node:util';
import { createDemoSp } from './app.ts';
import { failureStyles, parseFailureStyle } from './failure-styles.ts';
import { laxSwitches } from './lax.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '7100' },
    host: { type: 'string', default: '127.0.0.1' },
    harness: { type: 'string', default: 'http://127.0.0.1:7000' },
    lax: { type: 'string', default: '' },
    'failure-style': { type: 'string', default: 'plain' },
    'list-lax': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || values['list-lax']) {
  if (values.help) {
    console.log(
      'Usage: node examples/demo-sp/main.ts [--port 7100] [--host 127.0.0.1] [--harness URL] [--lax a,b] [--failure-style NAME] [--list-lax]',
    );
  }
  for (const [name, description] of Object.entries(laxSwitches))
    console.log(`  ${name.padEnd(26)} ${description}`);
  if (values.help) {
    console.log('Failure styles (how the SP answers without a session):');
    for (const [name, description] of Object.entries(failureStyles))
      console.log(`  ${name.padEnd(26)} ${description}`);
  }
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port expects a port number, got "${values.port}"`);
  process.exit(2);
}

try {
  const sp = await createDemoSp({
    harnessUrl: values.harness,
    lax: values.lax,
    failureStyle: parseFailureStyle(values['failure-style']),
    host: values.host,
    port,
    log: (line) => console.error(line),
  });
  console.log(`demo SP on ${sp.url} (harness ${values.harness})`);
  const stop = () => void sp.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
