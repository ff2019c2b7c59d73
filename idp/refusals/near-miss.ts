/**
 * When `sent` differs from a registered value only in letter case, a trailing slash, or
 * both, a sentence saying so; undefined otherwise. These are the near misses support staff
 * stare at longest, because the two URLs look the same at a glance.
 *
 * @param what what the values are ("redirect URI", "ACS URL", "entity ID")
 * @example nearMiss('https://app.example/cb', ['https://app.example/cb/'], 'redirect URI')
 *   // "the registered redirect URI is https://app.example/cb/ — the request sent https://app.example/cb: they differ only by a trailing slash"
 */
export function nearMiss(sent: string, registered: readonly string[], what: string): string | undefined {
  const bare = (value: string) => value.replace(/\/+$/, '');
  for (const value of registered) {
    if (value === sent) continue;
    const slash = bare(value) === bare(sent);
    const letterCase = value.toLowerCase() === sent.toLowerCase();
    const both = bare(value).toLowerCase() === bare(sent).toLowerCase();
    const differ = slash
      ? 'only by a trailing slash'
      : letterCase
        ? 'only in letter case'
        : both
          ? 'only in letter case and a trailing slash'
          : undefined;
    if (differ) return `the registered ${what} is ${value} — the request sent ${sent}: they differ ${differ}`;
  }
  return undefined;
}
