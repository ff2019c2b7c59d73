import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Errors of Node's own loader that another loader can get past: module format and TypeScript syntax. */
const formatErrorCodes = new Set([
  'ERR_REQUIRE_ESM',
  'ERR_UNKNOWN_FILE_EXTENSION',
  'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX',
  'ERR_INVALID_TYPESCRIPT_SYNTAX',
  'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING',
]);

/**
 * Imports a JavaScript or TypeScript config file and returns its default export (or
 * `module.exports`).
 *
 * Node runs `.mts`, `.mjs`, `.cts`, `.cjs`, and `.ts` / `.js` in a `"type": "module"`
 * package by itself. A `.ts` or `.js` file in a CommonJS package (what `npm init -y`
 * makes) that is written with `import` / `export`, as the README's example is, is run by
 * jiti instead, which reads either syntax in any package; so is a file that uses
 * TypeScript Node cannot strip (an `enum`).
 *
 * @throws whatever the file throws, or the loader's error for a file it cannot read.
 */
export async function importConfigModule(file: string): Promise<unknown> {
  if (!needsTranspiler(file)) {
    try {
      return defaultOf(await import(pathToFileURL(file).href));
    } catch (error) {
      if (!formatErrorCodes.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(pathToFileURL(file).href, { moduleCache: false });
  return defaultOf(await jiti.import(file));
}

/** The default export; undefined for an ES module without one. */
function defaultOf(module: unknown): unknown {
  if (module && typeof module === 'object' && 'default' in module) {
    return (module as { default: unknown }).default;
  }
  const isNamespace =
    (module as { [Symbol.toStringTag]?: unknown } | null)?.[Symbol.toStringTag] === 'Module';
  return isNamespace ? undefined : module;
}

/** `.ts` / `.js` outside a `"type": "module"` package: Node would read it as CommonJS. */
function needsTranspiler(file: string): boolean {
  const extension = extname(file);
  if (extension !== '.ts' && extension !== '.js') return false;
  return packageType(dirname(file)) !== 'module';
}

function packageType(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string }).type;
      } catch {
        return undefined;
      }
    }
    if (dirname(current) === current) return undefined;
  }
}
