import { defineConfig } from '@playwright/test';

/** A tiny Playwright project that uses the package's fixtures (run by fixture.test.ts). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/playwright-fixture',
  workers: 1,
  timeout: 30_000,
  reporter: [['list']],
  use: { browserName: 'chromium', headless: true },
});
