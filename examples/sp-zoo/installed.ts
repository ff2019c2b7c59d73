import { execFile } from 'node:child_process';
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

/**
 * The installed version of Debian packages, as `dpkg-query` reports it (e.g. `7.0.1-2`),
 * checked in order; resolves the first package's version.
 *
 * @throws ZooError `LIBRARY_MISSING` naming the first package that is not installed.
 */
export async function installedDebianVersion(packages: readonly [string, ...string[]]): Promise<string> {
  const versions: string[] = [];
  for (const name of packages) {
    const version = await dpkgVersion(name);
    if (!version)
      throw new ZooError(
        'LIBRARY_MISSING',
        `the Debian package ${name} is not installed; run \`bash examples/sp-zoo/install.sh\``,
      );
    versions.push(version);
  }
  return versions[0]!;
}

function dpkgVersion(name: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own --showformat fields
    execFile('dpkg-query', ['-W', '-f', '${db:Status-Status} ${Version}', name], (error, stdout) => {
      if (error) return resolve(undefined);
      const [status, version] = stdout.trim().split(' ');
      resolve(status === 'installed' && version ? version : undefined);
    });
  });
}
