import type { Config } from '../config/schema.ts';
import { faultRegistry } from '../idp/faults/index.ts';
import { compilePattern, type TextPattern } from '../lib/pattern.ts';
import { ScenarioError } from './errors.ts';
import { oidcScenarios } from './oidc/index.ts';
import { samlScenarios } from './saml/index.ts';
import type { Scenario } from './schema.ts';
import { validateScenarios } from './validate.ts';

/** The built-in catalog, validated. */
export function catalog(): Scenario[] {
  return validateScenarios([...samlScenarios, ...oidcScenarios], faultRegistry, 'the catalog');
}

/** The catalog plus the config's own scenarios (which may not reuse a catalog id). */
export function loadScenarios(config: Pick<Config, 'scenarios'>): Scenario[] {
  const builtIn = catalog();
  const own = validateScenarios(config.scenarios, faultRegistry, 'the config');
  const ids = new Set(builtIn.map((s) => s.id));
  for (const scenario of own) {
    if (ids.has(scenario.id)) {
      throw new ScenarioError(
        'SCENARIO_DUPLICATE',
        `scenario "${scenario.id}" (the config) reuses a catalog id; give it another id`,
      );
    }
  }
  return [...builtIn, ...own];
}

/** A named suite's scenario ids or tag filter, from the config. */
export function resolveSuite(
  config: Pick<Config, 'suites'>,
  name: string,
  scenarios: readonly Scenario[],
): { ids?: string[]; tags?: string[]; grep?: TextPattern } {
  const suite = Object.hasOwn(config.suites, name) ? config.suites[name] : undefined;
  if (!suite) {
    throw new ScenarioError(
      'SUITE_UNKNOWN',
      `unknown suite "${name}"; suites in the config: ${Object.keys(config.suites).join(', ') || '(none)'}`,
    );
  }
  if (Array.isArray(suite)) {
    const known = new Set(scenarios.map((s) => s.id));
    const missing = suite.filter((id) => !known.has(id));
    if (missing.length)
      throw new ScenarioError(
        'SCENARIO_UNKNOWN',
        `suite "${name}" names unknown scenarios: ${missing.join(', ')}`,
      );
    return { ids: suite };
  }
  return { tags: suite.tags, grep: suite.grep ? compilePattern(suite.grep) : undefined };
}

export { defineScenario } from './define.ts';
export { ScenarioError } from './errors.ts';
export type { Expectation, InlineUser, Outcome, Scenario, ScenarioInput, Step } from './schema.ts';
export { scenarioSchema } from './schema.ts';
export { validateScenarios } from './validate.ts';
