/**
 * Writes `sso-harness.schema.json`, the JSON Schema of the config file, made from the zod
 * schema (`config/schema.ts`) with zod's `z.toJSONSchema`. A `.json` config names it in
 * `$schema` so editors complete and check it. Published in the package.
 * With --check it only compares, and exits 1 when the file is stale (npm test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../config/schema.ts';

const target = new URL('../sso-harness.schema.json', import.meta.url).pathname;

export function renderConfigSchema(): string {
  const schema = z.toJSONSchema(configSchema, {
    target: 'draft-2020-12',
    // What a person writes (defaults are optional), not what the loader returns.
    io: 'input',
    // A refinement (an SP needs entityId, metadataUrl or metadataFile) has no JSON Schema form.
    unrepresentable: 'any',
  });
  return `${JSON.stringify(
    {
      ...schema,
      title: 'sso-harness configuration',
      description:
        'sso-harness.config.json: mock identity providers, test users, targets (your SPs) and suites. See the README.',
    },
    null,
    2,
  )}\n`;
}

const text = renderConfigSchema();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(
      'sso-harness.schema.json is stale: run `node scripts/config-schema.ts` and commit the result.',
    );
    process.exit(1);
  }
  console.log('sso-harness.schema.json is current.');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
