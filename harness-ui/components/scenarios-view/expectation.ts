import type { Expectation } from '../../api/types.ts';

/** The expectation in words, for lists and filters. */
export function expectationLabel(expect: Expectation): 'accept' | 'reject' | 'not-as' | 'steps' {
  if (typeof expect === 'string') return expect;
  return 'notAs' in expect ? 'not-as' : 'steps';
}
