import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZooError } from './errors.ts';

/**
 * The installed version of an npm package, read from its own package.json in the nearest
 * node_modules above this folder (not through `require.resolve`: packages with an exports
 * map may not expose their package.json).
 *
 * @throws ZooError `LIBRARY_MISSING` naming the package and the install command.
 */
export function installedNpmVersion(packageName: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'node_modules', packageName, 'package.json');
    if (existsSync(file)) {
      const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      if (typeof version === 'string') return version;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ZooError(
    'LIBRARY_MISSING',
    `the npm package ${packageName} is not installed; run \`npm install\` in the project (it is a devDependency)`,
  );
}
