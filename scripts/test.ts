/**
 * `npm test`: the whole check, in the order a reader would want failures reported.
 * Each check is one line of the final count; vitest's tests are counted one by one.
 * Ends with the plain line `N passed, N failed` that CI reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const summaryFile = join(root, 'test-results', 'vitest-summary.json');
const onlyTests = process.argv.includes('--only-tests');
const vitestArgs = process.argv.slice(2).filter((a) => a !== '--only-tests');

interface Check {
  name: string;
  command: string;
  args: string[];
  when?: () => boolean;
}

const checks: Check[] = [
  { name: 'lint and format (biome ci)', command: bin('biome'), args: ['ci', '.'] },
  { name: 'types (tsc --noEmit)', command: bin('tsc'), args: ['-p', '.'] },
  {
    name: 'scenario catalog page is current',
    command: process.execPath,
    args: ['scripts/catalog-docs.ts', '--check'],
    when: () => existsSync(join(root, 'scripts/catalog-docs.ts')),
  },
  {
    name: 'SP zoo report cards are current',
    command: process.execPath,
    args: ['scripts/report-cards.ts', '--check'],
    when: () => existsSync(join(root, 'scripts/report-cards.ts')),
  },
  {
    name: 'config JSON Schema is current',
    command: process.execPath,
    args: ['scripts/config-schema.ts', '--check'],
  },
  {
    name: 'UI production build (vite build)',
    command: bin('vite'),
    args: ['build', '--logLevel', 'warn'],
    when: () => existsSync(join(root, 'harness-ui/index.html')),
  },
];

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n── ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(name);
  return ok;
}

if (!onlyTests) {
  for (const check of checks) {
    if (check.when && !check.when()) continue;
    if (run(check.name, check.command, check.args)) passed++;
    else failed++;
  }
}

rmSync(summaryFile, { force: true });
const testsOk = run('tests (vitest)', bin('vitest'), ['run', ...vitestArgs], {
  SSO_HARNESS_TEST_SUMMARY: summaryFile,
});
if (existsSync(summaryFile)) {
  const counts = JSON.parse(readFileSync(summaryFile, 'utf8')) as { passed: number; failed: number };
  passed += counts.passed;
  failed += counts.failed;
  if (!testsOk && counts.failed === 0) failed++;
} else {
  failed++;
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
