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
