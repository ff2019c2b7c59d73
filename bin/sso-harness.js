#!/usr/bin/env node
// Runs the built CLI when present (installed package), else the TypeScript sources
// directly: Node 22.18+ strips types itself outside node_modules.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
await import(existsSync(built) ? built.href : new URL('../cli/main.ts', import.meta.url).href);
