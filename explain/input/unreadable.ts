import type { Check } from '../types.ts';

/**
 * Thrown inside the input readers when a message cannot be decoded; the reader that
 * catches it turns it into a problem check. It never leaves `explain/`.
 */
export class Unreadable extends Error {
  readonly check: Check;

  constructor(id: string, text: string, extra: Partial<Check> = {}) {
    super(text);
    this.name = 'Unreadable';
    this.check = { id, status: 'problem', text, ...extra };
  }
}

/** The problem check of anything thrown while reading (an Unreadable, or an unexpected error). */
export function unreadableCheck(error: unknown, fallbackId = 'input.format'): Check {
  if (error instanceof Unreadable) return error.check;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { id: fallbackId, status: 'problem', text: `the input could not be read: ${message}` };
}
