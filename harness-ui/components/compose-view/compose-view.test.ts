import { describe, expect, it } from 'vitest';
import { catalog } from '../../../scenarios/index.ts';
import { validateScenarios } from '../../../scenarios/validate.ts';
import type { TargetListing } from '../../api/types.ts';
import { keptWords } from './kept-expectation.ts';
import {
  type Draft,
  draftFromScenario,
  emptyDraft,
  readReproductionFile,
  reproductionFile,
  scenarioFromDraft,
} from './scenario-draft.ts';

const draft: Draft = {
  ...emptyDraft,
  title: 'Customer ACME: audience of another SP',
  provider: 'okta',
  user: '@other',
  otherEmail: 'jo@acme.example',
  expect: 'notAs',
  notAs: 'attacker@example.com',
  faults: [],
};

describe('scenario drafts', () => {
  it('make scenarios the catalog schema accepts', () => {
    const scenario = scenarioFromDraft(draft);
    expect(scenario.id).toBe('repro.customer-acme-audience-of-another-sp');
    expect(() => validateScenarios([scenario], {}, 'test')).not.toThrow();
  });

  it('survive an export and an import', () => {
    const scenario = scenarioFromDraft(draft);
    const file = reproductionFile({
      id: 'r',
      title: scenario.title,
      savedAt: '2026-01-01T00:00:00Z',
      scenario,
      target: 'demo-sp',
    });
    const read = readReproductionFile(JSON.stringify(file));
    expect(read.target).toBe('demo-sp');
    expect(draftFromScenario(read.scenario, [])).toEqual({ ...draft, why: scenario.why });
  });

  it('refuses files that are not reproductions, saying why', () => {
    expect(() => readReproductionFile('{"hello": 1}')).toThrow(/neither an sso-harness reproduction/);
    expect(() => readReproductionFile('nope')).toThrow(/not JSON/);
  });

  it('open a timing scenario with its own expectation, judged as the planner judges it for the target', () => {
    const scenario = catalog().find((s) => s.id === 'saml.time.conditions-not-on-or-after.late-2m')!;
    const opened = draftFromScenario(scenario, []);
    expect(opened).toMatchObject({ expect: 'scenario', kept: scenario.expect });
    expect(scenarioFromDraft(opened).expect).toEqual(scenario.expect);
    const target = (clockSkewSeconds: number) =>
      ({ id: 'app', source: 'config', target: { clockSkewSeconds } }) as unknown as TargetListing;
    expect(keptWords(opened.kept!, target(180))).toMatchObject({
      outcome: 'accept',
      badge: 'expects accept',
    });
    expect(keptWords(opened.kept!, target(60))).toMatchObject({ outcome: 'reject', badge: 'expects reject' });
    expect(keptWords(opened.kept!, target(120))).toMatchObject({
      outcome: 'skipped',
      badge: 'at the skew: skipped',
    });
  });
});
