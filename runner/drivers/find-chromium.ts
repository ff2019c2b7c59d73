import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { RunnerError } from '../errors.ts';

/** Flags for headless Chromium in containers and closed networks (no sandbox as root, no background fetches). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

const systemPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Where Chromium is: `$SSO_HARNESS_CHROMIUM`, then Playwright's own download (users who ran
 * `npx playwright install chromium` need nothing else), then the usual system paths.
 */
export function findChromium(): string {
  const fromEnv = process.env.SSO_HARNESS_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new RunnerError(
        'BROWSER_NOT_FOUND',
        `SSO_HARNESS_CHROMIUM points to ${fromEnv}, which does not exist`,
      );
    return fromEnv;
  }
  const candidates: string[] = [];
  try {
    const { chromium } = createRequire(import.meta.url)(
      'playwright-core',
    ) as typeof import('playwright-core');
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core without a downloaded browser
  }
  candidates.push(...systemPaths);
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new RunnerError(
      'BROWSER_NOT_FOUND',
      `no Chromium found (looked at ${candidates.join(', ')}); install one (Debian: apt-get install chromium; elsewhere: npx playwright install chromium) or set SSO_HARNESS_CHROMIUM`,
    );
  }
  return found;
}
