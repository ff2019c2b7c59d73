/** Instants and durations as explain writes them. */

/** Milliseconds since the epoch of an xs:dateTime or NumericDate, or undefined when it is not one. */
export function parseInstant(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "3 min 20 s", "2 h 5 min", "12 s": the size of a difference, without its sign. */
export function duration(ms: number): string {
  let s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [d && `${d} d`, h && `${h} h`, m && `${m} min`, !d && !h && s && `${s} s`].filter(Boolean);
  return parts.join(' ');
}

/** "2 min before", "10 s after": where `instant` lies relative to `reference`. */
export function relative(instant: number, reference: number): string {
  if (instant === reference) return 'exactly at';
  return `${duration(instant - reference)} ${instant < reference ? 'before' : 'after'}`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
