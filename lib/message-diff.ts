/**
 * What a fault changed in a message: a line diff of the faulted message against the same
 * message of a clean login, with per-login values (IDs, instants, signatures, nonces)
 * normalized away. Pure and dependency-free: the UI's code view and the HTML report share it.
 */

export interface DiffLine {
  kind: 'same' | 'add' | 'del';
  text: string;
}

const isoTime = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/**
 * Rewrites what differs between any two logins (message IDs, instants, signature and
 * digest values, nonces) into stable placeholders, so that a diff shows only what a
 * fault changed. Instants become offsets from the document's first instant, which keeps
 * a time fault visible ("+300s" against "-3600s").
 */
export function normalizeForDiff(text: string): string[] {
  const firstTime = text.match(isoTime)?.[0];
  const reference = firstTime ? Date.parse(firstTime) : undefined;
  const iat = /"iat":\s*(\d+)/.exec(text)?.[1];
  return text.split('\n').map((line) =>
    line
      .replace(/\b(ID|InResponseTo|SessionIndex|AssertionID)="[^"]*"/g, '$1="…"')
      .replace(/\bURI="#[^"]*"/g, 'URI="#…"')
      .replace(/(<(?:[\w-]+:)?(?:SignatureValue|DigestValue|SessionIndex)\b[^>]*>)[^<]*/g, '$1…')
      .replace(isoTime, (time) => (reference === undefined ? '…' : offset(Date.parse(time) - reference)))
      .replace(/"(exp|nbf|iat|auth_time|updated_at)":\s*(\d+)/g, (_m, key: string, value: string) =>
        iat ? `"${key}": iat${offset((Number(value) - Number(iat)) * 1000)}` : `"${key}": …`,
      )
      .replace(/"(nonce|jti|at_hash|c_hash|sid|state|code|s_hash|code_challenge)":\s*"[^"]*"/g, '"$1": "…"'),
  );
}

function offset(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 0 ? `+${s}s` : `${s}s`;
}

/** Above this many line pairs (before lines x after lines) no diff is made: the table would not fit in memory. */
export const maxDiffCells = 4_000_000;

/**
 * A line diff of `after` against `before` (longest common subsequence on the normalized
 * lines). Lines keep their real text; only the comparison is normalized. Undefined when the
 * two texts have more than `maxDiffCells` line pairs.
 */
export function diffLines(before: string, after: string): DiffLine[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if ((a.length + 1) * (b.length + 1) > maxDiffCells) return undefined;
  const na = normalizeForDiff(before);
  const nb = normalizeForDiff(after);
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of na[i..] and nb[j..]
  const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i]![j] =
        na[i] === nb[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (na[i] === nb[j]) {
      out.push({ kind: 'same', text: b[j]! });
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      out.push({ kind: 'del', text: a[i]! });
      i++;
    } else {
      out.push({ kind: 'add', text: b[j]! });
      j++;
    }
  }
  while (i < n) out.push({ kind: 'del', text: a[i++]! });
  while (j < m) out.push({ kind: 'add', text: b[j++]! });
  return out;
}

/** Which lines to show: changed lines with `context` lines around them; the rest folds. */
export function foldUnchanged(
  lines: readonly DiffLine[],
  context = 3,
): Array<{ kind: 'lines'; from: number; to: number } | { kind: 'fold'; from: number; to: number }> {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++)
      keep[k] = true;
  });
  const parts: Array<{ kind: 'lines' | 'fold'; from: number; to: number }> = [];
  let start = 0;
  for (let index = 1; index <= lines.length; index++) {
    if (index === lines.length || keep[index] !== keep[start]) {
      parts.push({ kind: keep[start] ? 'lines' : 'fold', from: start, to: index });
      start = index;
    }
  }
  return parts as ReturnType<typeof foldUnchanged>;
}

/** The part of a trace entry that pairs it with the same message of another login. */
export interface PairableMessage {
  id: number;
  direction: string;
  kind: string;
}

/** Pairs each message of a login with the same message of the clean login (same direction and kind, in order). */
export function matchBaseline<T extends PairableMessage>(
  entries: readonly T[],
  baseline: readonly T[],
): Map<number, T> {
  const pairs = new Map<number, T>();
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const key = `${entry.direction}|${entry.kind}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const match = baseline.filter((b) => `${b.direction}|${b.kind}` === key)[n];
    if (match) pairs.set(entry.id, match);
  }
  return pairs;
}
