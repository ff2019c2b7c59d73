import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { closeSharedComponentPage } from './support/component-page.ts';

/**
 * The components' own rendering tests (`harness-ui/components/<name>/<name>.browser-test.ts`),
 * collected here so that they share one headless Chromium instead of starting one each.
 */
const components = new URL('../../harness-ui/components/', import.meta.url).pathname;
for (const folder of readdirSync(components).sort()) {
  for (const file of readdirSync(join(components, folder)).filter((f) => f.endsWith('.browser-test.ts'))) {
    await import(join(components, folder, file));
  }
}

afterAll(closeSharedComponentPage);
