import { describe, expect, it } from 'vitest';
import { validateScenarios } from '../../../scenarios/validate.ts';
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
});
