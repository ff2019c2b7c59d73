import type { Expectation, Reproduction, ReproductionFile, ScenarioInput } from '../../api/types.ts';

/** Expectations the form cannot write, kept as the scenario says them: timing (`withinSkew`), `acceptAs`, `steps`. */
export type KeptExpectation = Exclude<Expectation, string | { notAs: string }>;

/** What the Compose form holds; turned into a scenario (data) for running, saving and export. */
export interface Draft {
  title: string;
  protocol: 'saml' | 'oidc';
  /** '' lets the target's connection choose. */
  provider: string;
  /** A directory user id; '' for the connection's user; '@other' for `otherEmail`. */
  user: string;
  otherEmail: string;
  flowType: 'sp-initiated' | 'idp-initiated';
  /** `scenario`: the scenario's own expectation (`kept`), which the form shows but cannot write. */
  expect: 'accept' | 'reject' | 'notAs' | 'scenario';
  notAs: string;
  /** The opened scenario's expectation when it is not one the form writes; kept for `expect: 'scenario'`. */
  kept: KeptExpectation | undefined;
  why: string;
  faults: Array<{ fault: string; params: Record<string, unknown> }>;
}

export const emptyDraft: Draft = {
  title: '',
  protocol: 'saml',
  provider: '',
  user: '',
  otherEmail: '',
  flowType: 'sp-initiated',
  expect: 'reject',
  notAs: '',
  kept: undefined,
  why: '',
  faults: [],
};

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'untitled'
  );
}

export function scenarioFromDraft(draft: Draft): ScenarioInput {
  const title = draft.title.trim() || 'Untitled reproduction';
  return {
    id: `repro.${slug(title)}`,
    title,
    protocol: draft.protocol,
    ...(draft.provider ? { provider: draft.provider } : {}),
    ...(draft.user === '@other'
      ? { user: { email: draft.otherEmail.trim() } }
      : draft.user
        ? { user: draft.user }
        : {}),
    flow: { type: draft.flowType },
    faults: draft.faults.map((f) =>
      Object.keys(f.params).length ? { fault: f.fault, params: f.params } : { fault: f.fault },
    ),
    expect:
      draft.expect === 'notAs'
        ? { notAs: draft.notAs.trim() }
        : draft.expect === 'scenario'
          ? (draft.kept ?? 'reject')
          : draft.expect,
    why: draft.why.trim() || 'Composed in the sso-harness UI to reproduce a reported login problem.',
    // Compose reproduces a customer's report: its results read reproduced / not reproduced.
    tags: ['composed', 'reproduction'],
  };
}

/** Reads a scenario (from the catalog, a saved reproduction or an imported file) back into the form. */
export function draftFromScenario(scenario: ScenarioInput, directoryIds: readonly string[]): Draft {
  const expect = scenario.expect;
  const user = scenario.user;
  return {
    title: scenario.title,
    protocol: scenario.protocol,
    provider: scenario.provider ?? '',
    user: typeof user === 'object' ? '@other' : user && directoryIds.includes(user) ? user : '',
    otherEmail: typeof user === 'object' ? user.email : '',
    flowType: scenario.flow?.type ?? 'sp-initiated',
    expect: typeof expect === 'string' ? expect : 'notAs' in expect ? 'notAs' : 'scenario',
    notAs: typeof expect === 'object' && 'notAs' in expect ? expect.notAs : '',
    kept: typeof expect === 'object' && !('notAs' in expect) ? expect : undefined,
    why: scenario.why,
    faults: (scenario.faults ?? []).map((f) => ({ fault: f.fault, params: { ...(f.params ?? {}) } })),
  };
}

export function reproductionFile(reproduction: Reproduction): ReproductionFile {
  return { schema: 'sso-harness/reproduction@1', reproduction };
}

/** Accepts an exported reproduction file, or a bare scenario; says what is wrong otherwise. */
export function readReproductionFile(text: string): { scenario: ScenarioInput; target?: string | undefined } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`the file is not JSON (${(error as Error).message})`);
  }
  const file = parsed as Partial<ReproductionFile> & Partial<ScenarioInput>;
  if (file.schema === 'sso-harness/reproduction@1' && file.reproduction?.scenario) {
    return { scenario: file.reproduction.scenario, target: file.reproduction.target };
  }
  if (typeof file.id === 'string' && (file.protocol === 'saml' || file.protocol === 'oidc') && file.expect) {
    return { scenario: file as ScenarioInput };
  }
  throw new Error(
    'the file is neither an sso-harness reproduction (schema sso-harness/reproduction@1) nor a scenario',
  );
}
