/** Seconds as people say them: "45 s", "2 min", "90 s", "1 h". */
export function secondsInWords(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** How a time off in each direction is said: "2 min late" (already passed), "30 s ahead" (not yet). */
export const timeDirectionWords: Record<'future' | 'past', string> = { past: 'late', future: 'ahead' };
