/**
 * A library's own option that turns on a check it leaves off by default (or, for a check it
 * makes stricter than the catalog expects, the option that tunes it).
 */
export interface HardeningOption {
  /** The option as it is written in code, e.g. `validateInResponseTo: "always"`. */
  option: string;
  /** The library's documentation of that option. */
  docsUrl: string;
  /** What it checks once set, and anything the docs say it needs. */
  note: string;
  /**
   * Set when the zoo SP can start with this check on (`start({ hardened: [check] })`): the
   * library setting it then uses, as written in its code, e.g. `want_assertions_signed: True`.
   */
  hardened?: string;
}

/**
 * A zoo SP's hardening options, keyed by a short check name: a scenario id, or the check segment
 * of catalog ids (`saml.<check>.<variant>`, `oidc.<check>.<variant>`), such as `in-response-to`,
 * `replay`, `audience`, `time`, `nonce`, `state`, `signature`.
 */
export type Hardening = Readonly<Record<string, HardeningOption>>;

/** The hardening option for a scenario: by its exact id first, then by its check segment. */
export function hardeningFor(
  scenarioId: string,
  hardening: Hardening,
): (HardeningOption & { check: string }) | undefined {
  const check = [scenarioId, scenarioId.split('.')[1] ?? ''].find((name) => Object.hasOwn(hardening, name));
  return check === undefined ? undefined : { check, ...hardening[check]! };
}

/** The environment variable a zoo SP reads its hardened checks from: comma-separated check names. */
export const HARDENED_ENV = 'ZOO_HARDENED';

/**
 * The child environment that starts a zoo SP with `hardened` checks on.
 *
 * @throws Error naming the SP, the unknown check and the checks it can turn on.
 */
export function hardenedEnv(
  spId: string,
  hardening: Hardening,
  hardened: readonly string[] = [],
): Record<string, string> {
  const known = Object.keys(hardening).filter((check) => hardening[check]!.hardened !== undefined);
  const unknown = hardened.filter((check) => !known.includes(check));
  if (unknown.length)
    throw new Error(
      `zoo SP ${spId} cannot start with ${unknown.join(', ')} hardened; it can: ${known.join(', ') || 'none'}`,
    );
  return hardened.length ? { [HARDENED_ENV]: hardened.join(',') } : {};
}
