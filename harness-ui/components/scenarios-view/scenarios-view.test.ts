import { describe, expect, it } from 'vitest';
import { expectationLabel } from './expectation.ts';

describe('expectationLabel', () => {
  it('names each kind of expectation for the filter', () => {
    expect(expectationLabel('accept')).toBe('accept');
    expect(expectationLabel({ notAs: 'mallory@example.com' })).toBe('not-as');
    expect(expectationLabel({ steps: [{ action: 'login', expect: 'accept' }] })).toBe('steps');
  });
});
