import type { CheckDetail } from './findings.ts';

/** A URL of the message that matches one of the SP's settings but for the port. */
export interface PortMiss {
  /** The URL in the message. */
  actual: string;
  /** The setting it nearly matches. */
  setting: string;
  /** The two ports, default ports written out (80, 443). */
  actualPort: string;
  settingPort: string;
}

/**
 * When `actual` differs from one of `settings` only in the port (same scheme, host, path,
 * query and fragment), the two; undefined otherwise, and for values that are not URLs
 * (an entityID may be a URN). A capture made through a harness or an SP on another port
 * looks like this: not a misconfiguration of the login it shows, but of the comparison.
 *
 * @example portNearMiss('http://127.0.0.1:7100/saml/okta', ['http://127.0.0.1:7000/saml/okta'])
 *   // { actualPort: '7100', settingPort: '7000', ... }
 */
export function portNearMiss(actual: string, settings: readonly string[]): PortMiss | undefined {
  const sent = parse(actual);
  if (!sent) return undefined;
  for (const setting of settings) {
    const own = parse(setting);
    if (!own || own.port === sent.port) continue;
    if (
      own.protocol === sent.protocol &&
      own.hostname === sent.hostname &&
      own.pathname === sent.pathname &&
      own.search === sent.search &&
      own.hash === sent.hash &&
      own.username === sent.username &&
      own.password === sent.password
    ) {
      return { actual, setting, actualPort: portOf(sent), settingPort: portOf(own) };
    }
  }
  return undefined;
}

/**
 * The near miss in words: `<what> differs from <setting> only in the port: 7100 vs 7000 ...`,
 * and the detail of its check (a warning: SPs compare the value exactly, port included, but
 * the likely cause is where the capture was made, so explain does not reproduce it).
 *
 * @param what the value in the message ("the Issuer", "the Destination")
 * @param setting the SP setting it is compared with ("the IdP entityID the SP trusts")
 */
export function portNearMissWords(
  miss: PortMiss,
  what: string,
  setting: string,
): { text: string; detail: CheckDetail } {
  return {
    text: `${what} differs from ${setting} only in the port: ${miss.actualPort} here vs ${miss.settingPort} in the setting; a capture from a harness (or an SP) on another port?`,
    detail: {
      expected: miss.setting,
      actual: miss.actual,
      fix: {
        side: 'sp',
        text: `If the capture was made through a harness or SP on port ${miss.actualPort}, explain it against that one's settings; if this login really runs there, the setting must say port ${miss.actualPort} (the value is compared exactly, port included).`,
      },
    },
  };
}

/**
 * {@link portNearMiss} of `actual` against `settings`, in words ({@link portNearMissWords});
 * undefined when it is not a port-only difference.
 */
export function portOnlyDifference(
  actual: string,
  settings: readonly string[],
  what: string,
  setting: string,
): { text: string; detail: CheckDetail } | undefined {
  const miss = portNearMiss(actual, settings);
  return miss && portNearMissWords(miss, what, setting);
}

function parse(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}
