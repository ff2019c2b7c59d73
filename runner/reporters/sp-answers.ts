import type { HttpStep } from '../types.ts';

/** The SP's answers that decide a result: where the login was delivered, and the probe. */
export interface SpAnswers {
  /** The last POST or redirect into the SP before the probe: its ACS (SAML) or callback (OIDC). */
  acs?: HttpStep | undefined;
  /** The last probe of who is logged in. */
  probe?: HttpStep | undefined;
}

/**
 * Picks the SP's answers out of a result's HTTP steps. The SP's origin is the one the
 * driver first navigated to (the target's login URL), else the probe's; a step into the SP
 * is a POST to that origin or a hop onto it from another origin (the IdP's redirect).
 */
export function spAnswers(http: readonly HttpStep[]): SpAnswers {
  const probeAt = http.findLastIndex((h) => h.cause === 'probe');
  const probe = probeAt === -1 ? undefined : http[probeAt];
  const spOrigin = originOf(http.find((h) => h.cause === 'navigate')?.url ?? probe?.url);
  if (!spOrigin) return { probe };
  const before = probeAt === -1 ? http : http.slice(0, probeAt);
  const acs = before.findLast(
    (h, i) =>
      h.cause !== 'probe' &&
      originOf(h.url) === spOrigin &&
      (h.method === 'POST' || (i > 0 && originOf(before[i - 1]!.url) !== spOrigin)),
  );
  return { acs, probe };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
