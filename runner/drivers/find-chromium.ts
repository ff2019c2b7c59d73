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

/**
 * Features the browser driver turns off, on top of Playwright's own list. Chromium's new
 * headless mode opens a window per browser context and preloads the omnibox popup's WebUI
 * in it: two renderer processes per context that no scenario ever sees, about 0.2 s of CPU
 * each time (measured on Chromium 156).
 */
const driverDisabledFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The features playwright-core 1.65 disables (its chromiumSwitches). Chromium reads only the
 * last `--disable-features`, so adding one means repeating these; a test compares this list
 * with the one Playwright passes, so an upgrade that changes it fails there.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** The browser driver's flags: `chromiumArgs`, and no browser UI preloaded per context. */
export const driverChromiumArgs = [
  ...chromiumArgs,
  `--disable-features=${[...playwrightDisabledFeatures, ...driverDisabledFeatures].join(',')}`,
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
