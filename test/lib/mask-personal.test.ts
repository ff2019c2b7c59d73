import { describe, expect, it } from 'vitest';
import { PersonalDataMasker } from '../../lib/mask-personal.ts';

describe('PersonalDataMasker', () => {
  it('gives the same value the same placeholder everywhere, and different values different ones', () => {
    const masker = new PersonalDataMasker();
    masker.remember('Alice Admin', 'name');
    masker.remember('00u1abcdEFGH', 'id');
    const text = masker.text(
      'NameID alice@example.com (Alice Admin, 00u1abcdEFGH); cc bob@example.com and alice@example.com',
    );
    expect(text).toBe(
      'NameID person-1@masked.invalid («name-1», «id-1»); cc person-2@masked.invalid and person-1@masked.invalid',
    );
    expect(masker.text('alice@example.com')).toBe('person-1@masked.invalid');
  });

  it('masks every string of an object tree, keys untouched, and leaves placeholders alone', () => {
    const masker = new PersonalDataMasker();
    masker.remember('E-2001', 'id');
    const masked = masker.deep({ email: 'dave@example.com', list: ['E-2001', 3], nested: { sub: 'E-2001' } });
    expect(masked).toEqual({
      email: 'person-1@masked.invalid',
      list: ['«id-1»', 3],
      nested: { sub: '«id-1»' },
    });
    expect(masker.deep(masked)).toEqual(masked);
  });

  it('does not replace values too short to be told from ordinary words', () => {
    const masker = new PersonalDataMasker();
    masker.remember('Al', 'name');
    expect(masker.text('Also Al')).toBe('Also Al');
  });
});

describe('findEmails', () => {
  it('finds addresses in text, and finishes on long runs without one (a backtracking scan would not within the test timeout)', async () => {
    const { findEmails } = await import('../../lib/mask-personal.ts');
    expect(findEmails('to: alice@example.com, "bob.b+x@sub.example.org".')).toEqual([
      'alice@example.com',
      'bob.b+x@sub.example.org',
    ]);
    findEmails(`${'a'.repeat(2_000_000)}@${'b'.repeat(2_000_000)}`);
    findEmails('a@'.repeat(500_000));
  });
});
