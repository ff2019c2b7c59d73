/**
 * Bundles the CLI for the published package: `dist/bundle/main.js` and its lazily loaded
 * chunks. One file per chunk instead of some 300 modules (zod alone is 95) makes the
 * installed `sso-harness serve` start in about two thirds of the CPU time. The libraries
 * that load their own files or plug-ins at run time stay outside, resolved from
 * node_modules: oidc-provider, playwright-core (with its browsers) and jiti (config files).
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
