import { describe, expect, it } from 'vitest';
import { clockSkewAllowances, describeAllowances } from '../../../runner/timing/allowance.ts';
import { timingResult as result } from '../../support/timing-results.ts';

const late = (seconds: number, expect: 'accept' | 'reject' | undefined) => ({
  field: 'Conditions NotOnOrAfter',
  direction: 'past' as const,
  seconds,
  expect,
});

describe('clockSkewAllowances', () => {
  it('reads what the SP accepted and refused per field, from verdicts and expectations', () => {
    const results = [
      result('saml.late-30s', late(30, 'accept'), 'pass'),
      result('saml.late-2m', late(120, 'accept'), 'pass'),
      // At the declared skew: not judged, says nothing.
      result('saml.late-3m', late(180, undefined), 'skipped'),
      // Expected a refusal, but the SP logged the user in: it accepts 10 minutes late.
      result('saml.late-10m', late(600, 'reject'), 'fail'),
      result('saml.late-1h', late(3600, 'reject'), 'pass'),
      // An error is no measure.
      result('saml.late-1h-again', late(3600, 'reject'), 'error'),
      result('oidc.nbf-30s', { field: 'nbf', direction: 'future', seconds: 30, expect: 'accept' }, 'fail'),
    ];
    const allowances = clockSkewAllowances(results);
    expect(allowances).toEqual([
      {
        target: 'app',
        protocol: 'saml',
        field: 'Conditions NotOnOrAfter',
        direction: 'past',
        declaredSkewSeconds: 180,
        acceptedUpToSeconds: 600,
        refusedFromSeconds: 3600,
        consistent: true,
        summary: 'accepts up to 10 min late, refuses 1 h (declared 3 min)',
        scenarioIds: ['saml.late-30s', 'saml.late-2m', 'saml.late-10m', 'saml.late-1h'],
      },
      {
        target: 'app',
        protocol: 'oidc',
        field: 'nbf',
        direction: 'future',
        declaredSkewSeconds: 180,
        refusedFromSeconds: 30,
        consistent: true,
        summary: 'refuses from 30 s ahead, the least tried (declared 3 min)',
        scenarioIds: ['oidc.nbf-30s'],
      },
    ]);
    expect(describeAllowances(allowances)[0]).toBe(
      'Conditions NotOnOrAfter: accepts up to 10 min late, refuses 1 h (declared 3 min)',
    );
  });

  it('keeps targets apart, and says when an SP accepts more than it refuses', () => {
    const allowances = clockSkewAllowances([
      result('a', late(600, 'reject'), 'fail', 'one'),
      result('b', late(120, 'reject'), 'pass', 'one'),
      result('c', late(3600, 'reject'), 'fail', 'two'),
    ]);
    expect(allowances.map((a) => [a.target, a.consistent, a.summary])).toEqual([
      ['one', false, 'inconsistent: accepts 10 min late but refuses 2 min (declared 3 min)'],
      ['two', true, 'accepts up to 1 h late, the most tried (declared 3 min)'],
    ]);
  });

  it('finds nothing in results without timing', () => {
    const { timing: _none, ...plain } = result('x', late(30, 'accept'), 'pass');
    expect(clockSkewAllowances([plain])).toEqual([]);
  });
});
