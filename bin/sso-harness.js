#!/usr/bin/env node
// In a checkout, run the TypeScript sources directly (Node 22.18+ strips types itself).
// Installed as a package (under node_modules, where Node will not strip types), run the
// build made by `npm run build` before publishing: the bundled CLI in dist/bundle/ (one
// file per lazily loaded part, which starts faster than some 300 modules), else the
// per-module build in dist/cli/. SSO_HARNESS_USE_BUILD=1 runs the build from a checkout,
// to try it as users get it.
import { existsSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`sso-harness needs Node.js 22.18 or later (24 LTS recommended); this is ${process.version}.`);
  process.exit(2);
}

module.enableCompileCache?.();
const here = import.meta.url;
const installed = new URL('.', here).pathname.includes('/node_modules/');
const sources = new URL('../cli/main.ts', here);
const bundled = new URL('../dist/bundle/main.js', here);
const built = new URL('../dist/cli/main.js', here);
const useBuild = installed || process.env.SSO_HARNESS_USE_BUILD === '1' || !existsSync(sources);
await import(!useBuild ? sources.href : existsSync(bundled) ? bundled.href : built.href);
