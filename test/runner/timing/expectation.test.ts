import { describe, expect, it } from 'vitest';
import { builtinConfig } from '../../../config/builtin.ts';
import { configSchema } from '../../../config/schema.ts';
import { Directory } from '../../../idp/directory/directory.ts';
import { planJobs } from '../../../runner/plan.ts';
import { judgeBySkew } from '../../../runner/timing/expectation.ts';
import { catalog } from '../../../scenarios/index.ts';

const late = (seconds: number) => ({ field: 'Conditions NotOnOrAfter', direction: 'past' as const, seconds });

describe('judgeBySkew', () => {
  it('expects a login below the declared skew, a refusal above it, and judges nothing at it', () => {
    expect(judgeBySkew(late(30), 60, 'app')).toEqual({
      expect: 'accept',
      note: '30 s late, within the declared 1 min clock skew (targets.app.clockSkewSeconds)',
    });
    expect(judgeBySkew(late(120), 60, 'app')).toMatchObject({ expect: 'reject' });
    expect(judgeBySkew(late(60), 60, 'app')).toEqual({
      skip: 'at the declared 1 min clock skew exactly (targets.app.clockSkewSeconds); not judged',
    });
  });

  it('expects a refusal of any distance from an SP that declares no skew at all', () => {
    expect(judgeBySkew({ field: 'nbf', direction: 'future', seconds: 30 }, 0, 'app')).toMatchObject({
      expect: 'reject',
      note: expect.stringContaining('30 s ahead, beyond the declared 0 s clock skew'),
    });
  });
});

describe('planning a timing scenario', () => {
  const config = configSchema.parse(builtinConfig('http://127.0.0.1:1'));
  const directory = new Directory(config);
  const twoMinutesLate = catalog().filter((s) => s.id === 'saml.time.conditions-not-on-or-after.late-2m');
  const planWith = (target: Record<string, unknown>) => {
    const demo = config.targets['demo-sp']!;
    return planJobs(twoMinutesLate, { app: { ...demo, ...target } }, config, directory)[0]!;
  };

  it("decides accept, reject or skip from the target's declared skew", () => {
    expect(planWith({ clockSkewSeconds: 60 })).toMatchObject({
      expectation: 'reject',
      skip: undefined,
      timing: { seconds: 120, declaredSkewSeconds: 60, expect: 'reject' },
    });
    expect(planWith({ clockSkewSeconds: 180 })).toMatchObject({ expectation: 'accept', skip: undefined });
    const atSkew = planWith({ clockSkewSeconds: 120 });
    expect(atSkew.skip).toMatch(/^at the declared 2 min clock skew exactly .*; not judged$/);
    expect(atSkew.connectionName).toBe('saml');
  });

  it("lets the target's own expectation override the rule", () => {
    const overridden = planWith({
      clockSkewSeconds: 60,
      expectations: { 'saml.time.conditions-not-on-or-after.late-2m': 'accept' },
    });
    expect(overridden).toMatchObject({ expectation: 'accept', skip: undefined });
    expect(overridden.timing).toBeUndefined();
  });
});
