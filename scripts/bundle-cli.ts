/**
 * Bundles the CLI for the published package: `dist/bundle/main.js` and its lazily loaded
 * chunks. One file per chunk instead of about 250 module files at start (zod alone is 95)
 * makes the installed `sso-harness serve` start in about two thirds of the CPU time. Only
 * the libraries that load their own files at run time stay outside, resolved from
 * node_modules: playwright-core (with its browsers) and jiti (config files). Nothing with
 * several versions in the tree may stay outside: an outside import resolves from the
 * bundle's folder, so node-saml would get the top-level xmldom 0.9 instead of its 0.8.
 *   node scripts/bundle-cli.ts [outDir]
 */
import { rmSync } from 'node:fs';
import { build } from 'rolldown';

const root = new URL('..', import.meta.url).pathname;
const outDir = process.argv[2] ?? `${root}dist/bundle`;
/** Loaded from node_modules at run time, never bundled. */
export const external = ['playwright-core', 'jiti'];

rmSync(outDir, { recursive: true, force: true });
await build({
  input: { main: `${root}cli/main.ts` },
  platform: 'node',
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
  logLevel: 'warn',
  // depd (through koa) builds its wrappers with a direct eval; harmless, and not ours to change.
  onLog: (level, log, handler) => {
    if (log.code !== 'EVAL') handler(level, log);
  },
  output: {
    dir: outDir,
    format: 'esm',
    chunkFileNames: '[name]-[hash].js',
    minify: false,
    sourcemap: false,
  },
});
