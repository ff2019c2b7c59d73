/**
 * `npm start` (`npm start -- --lax audience,replay-cache`): the embedded default.
 * Builds the UI when it is missing, then starts the harness, the bundled demo SP and the
 * UI on fixed loopback ports (7000, 7100), runs the default suite once with the list
 * reporter, and keeps serving.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/ui/index.html')) && existsSync(join(root, 'harness-ui/index.html'))) {
  console.log('Building the UI (vite build) ...');
  const built = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0)
    console.warn('The UI build failed; the harness still runs, with its plain pages only.');
}
process.argv.splice(2, 0, 'serve', '--run', 'default');
await import('../cli/main.ts');
