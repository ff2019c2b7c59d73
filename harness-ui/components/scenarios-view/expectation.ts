import type { Expectation } from '../../api/types.ts';

/** The expectation in words, for lists and filters. */
export function expectationLabel(expect: Expectation): 'accept' | 'reject' | 'not-as' | 'steps' | 'skew' {
  if (typeof expect === 'string') return expect;
  if ('withinSkew' in expect) return 'skew';
  return 'notAs' in expect ? 'not-as' : 'steps';
}
