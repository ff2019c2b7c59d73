import type { CheckStatus } from '../types.ts';

/** How each status is marked in text and HTML. */
export const statusMarks: Record<CheckStatus, string> = { ok: '✓', problem: '✗', warning: '!' };

export const statusWords: Record<CheckStatus, string> = { ok: 'ok', problem: 'problem', warning: 'warning' };
