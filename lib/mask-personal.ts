/**
 * Replaces personal data (names, emails, user IDs) with placeholders, consistently: the
 * same value always gets the same placeholder, so a masked report still shows that the
 * NameID and the email attribute name the same person. `lib/mask.ts` does the same job
 * for secrets (passwords, tokens); this one is for what identifies people.
 *
 * @example
 * const masker = new PersonalDataMasker();
 * masker.remember('Alice Admin', 'name');
 * masker.text('NameID alice@example.com for Alice Admin'); // 'NameID person-1@masked.invalid for «name-1»'
 * masker.text('alice@example.com');                         // 'person-1@masked.invalid' again
 */
export type PersonalKind = 'email' | 'name' | 'id';

const IS_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const MASKED_EMAIL = /^person-\d+@masked\.invalid$/;
/** Values too short to replace inside text without hitting unrelated words. */
const MIN_LENGTH = 3;

export class PersonalDataMasker {
  private readonly placeholders = new Map<string, string>();
  private readonly counters: Record<PersonalKind, number> = { email: 0, name: 0, id: 0 };
  private pattern: RegExp | undefined;

  /** Registers a value as personal data; returns its placeholder. Emails are found without registering. */
  remember(value: string, kind: PersonalKind): string {
    const trimmed = value.trim();
    if (trimmed.length < MIN_LENGTH || MASKED_EMAIL.test(trimmed) || /^«\w+-\d+»$/.test(trimmed))
      return value;
    const known = this.placeholders.get(trimmed);
    if (known) return known;
    const effective: PersonalKind = IS_EMAIL.test(trimmed) ? 'email' : kind;
    const n = ++this.counters[effective];
    const placeholder = effective === 'email' ? `person-${n}@masked.invalid` : `«${effective}-${n}»`;
    this.placeholders.set(trimmed, placeholder);
    this.pattern = undefined;
    return placeholder;
  }

  /** The text with every remembered value and every email address replaced. */
  text(text: string): string {
    for (const email of findEmails(text)) this.remember(email, 'email');
    if (this.placeholders.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.placeholders.keys()]
        .sort((a, b) => b.length - a.length)
        .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, (found) => this.placeholders.get(found) ?? found);
  }

  /** A copy of an object tree with every string masked (keys stay). */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.deep(v)]),
      ) as T;
    }
    return value;
  }
}

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

/**
 * Email addresses in text, found from each "@" outwards (bounded by the lengths RFC 5321
 * allows), so that long runs of letters cannot make the search slow, as a regular
 * expression scanning every position would.
 */
export function findEmails(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && end - at < 254 && DOMAIN.test(text[end]!)) end++;
    const domain = text.slice(at + 1, end).replace(/[.-]+$/, '');
    const candidate = `${text.slice(start, at)}@${domain}`;
    if (start < at && IS_EMAIL.test(candidate)) found.push(candidate);
  }
  return found;
}
