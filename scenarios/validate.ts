import { formatPath } from '../config/load.ts';
import { resolveFaults } from '../idp/faults/compile.ts';
import type { AnyFault } from '../idp/faults/types.ts';
import { describeError } from '../lib/errors.ts';
import { ScenarioError } from './errors.ts';
import { type Scenario, scenarioSchema } from './schema.ts';
import { renderTemplates, sampleTemplateValues } from './templates.ts';

/**
 * Validates scenarios as data: the schema, then every fault against the registry.
 * Errors name the scenario (id or position and where it came from), the field, and for
 * an unknown fault the known ones.
 */
export function validateScenarios(
  inputs: readonly unknown[],
  registry: Readonly<Record<string, AnyFault>>,
  source: string,
): Scenario[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const name = describe(input, index, source);
    const parsed = scenarioSchema.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${formatPath(i.path) || '(scenario)'}: ${i.message}`);
      throw new ScenarioError('SCENARIO_INVALID', `${name}: ${problems.join('; ')}`);
    }
    const scenario = parsed.data;
    if (seen.has(scenario.id))
      throw new ScenarioError('SCENARIO_DUPLICATE', `${name}: the id "${scenario.id}" is used twice`);
    seen.add(scenario.id);
    try {
      const samples = sampleTemplateValues();
      resolveFaults(renderTemplates(scenario.faults, samples), registry, scenario.protocol);
      const steps =
        typeof scenario.expect === 'object' && 'steps' in scenario.expect ? scenario.expect.steps : [];
      for (const [i, step] of steps.entries()) {
        if (step.action === 'wait' && step.seconds === undefined && !step.until) {
          throw new ScenarioError(
            'SCENARIO_INVALID',
            `expect.steps[${i}]: a wait step needs seconds (at most 60) or until: "jwks-max-age" (OIDC) or "metadata-max-age" (SAML)`,
          );
        }
        if (step.action !== 'wait' && (step.seconds !== undefined || step.until)) {
          throw new ScenarioError(
            'SCENARIO_INVALID',
            `expect.steps[${i}]: seconds and until belong to wait steps, not to "${step.action}"`,
          );
        }
        const cacheProtocol = { 'jwks-max-age': 'oidc', 'metadata-max-age': 'saml' } as const;
        if (step.until && cacheProtocol[step.until] !== scenario.protocol) {
          throw new ScenarioError(
            'SCENARIO_INVALID',
            `expect.steps[${i}]: until "${step.until}" is for ${cacheProtocol[step.until].toUpperCase()} scenarios; this scenario is ${scenario.protocol.toUpperCase()}`,
          );
        }
        if (
          (step.action === 'backchannel-logout' || step.action === 'frontchannel-logout') &&
          scenario.protocol !== 'oidc'
        ) {
          throw new ScenarioError(
            'SCENARIO_INVALID',
            `expect.steps[${i}]: ${step.action} is OpenID Connect logout; this scenario is ${scenario.protocol.toUpperCase()}`,
          );
        }
        if (step.action === 'idp-logout' && scenario.protocol !== 'saml') {
          throw new ScenarioError(
            'SCENARIO_INVALID',
            `expect.steps[${i}]: idp-logout is SAML single logout started at the IdP; this scenario is ${scenario.protocol.toUpperCase()}`,
          );
        }
        if (step.faults) resolveFaults(renderTemplates(step.faults, samples), registry, scenario.protocol);
      }
    } catch (error) {
      if (error instanceof ScenarioError) throw new ScenarioError(error.code, `${name}: ${error.message}`);
      throw new ScenarioError('SCENARIO_INVALID', `${name}: ${describeError(error)}`);
    }
    return scenario;
  });
}

function describe(input: unknown, index: number, source: string): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `scenario "${id}" (${source})` : `scenario #${index + 1} of ${source}`;
}
