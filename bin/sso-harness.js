#!/usr/bin/env node
// In a checkout, run the TypeScript sources directly (Node 22.18+ strips types itself).
// Installed as a package (under node_modules, where Node will not strip types), run the
// build in dist/ made by `npm run build` before publishing.
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
const built = new URL('../dist/cli/main.js', here);
await import(!installed && existsSync(sources) ? sources.href : built.href);
