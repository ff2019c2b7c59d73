/** Exit codes of every command. */
export const exitCodes = {
  ok: 0,
  /** Some scenario failed or errored. */
  failed: 1,
  /** Bad usage: flags, arguments or configuration. */
  usage: 2,
} as const;
