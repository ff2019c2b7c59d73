import { ScenarioError } from '../errors.ts';
import { conformanceChecks } from './conformance/checks.ts';
import rename from './groups/rename.ts';
import roleFromMembership from './groups/role-from-membership.ts';
import { type ScimScenario, scimScenarioSchema } from './schema.ts';
import createThenLogin from './users/create-then-login.ts';
import deactivate from './users/deactivate.ts';
import deleteUser from './users/delete.ts';
import duplicateUsername from './users/duplicate-username.ts';
import duplicateUsernameCase from './users/duplicate-username-case.ts';
import filterCase from './users/filter-case.ts';
import pagination from './users/pagination.ts';
import providerDisabled from './users/provider-disabled.ts';
import rateLimit from './users/rate-limit.ts';
import reactivate from './users/reactivate.ts';
import unassign from './users/unassign.ts';
import unknownAttribute from './users/unknown-attribute.ts';
import updateProfile from './users/update-profile.ts';
import wrongToken from './users/wrong-token.ts';

/** The provisioning scenarios, as written. */
export const provisioningScenarios = [
  createThenLogin,
  updateProfile,
  deactivate,
  reactivate,
  unassign,
  deleteUser,
  duplicateUsername,
  duplicateUsernameCase,
  filterCase,
  unknownAttribute,
  pagination,
  wrongToken,
  rateLimit,
  providerDisabled,
  roleFromMembership,
  rename,
];

/** The SCIM catalog (provisioning scenarios, then conformance checks), validated. */
export function scimCatalog(): ScimScenario[] {
  return validateScimScenarios([...provisioningScenarios, ...conformanceChecks], 'the SCIM catalog');
}

/** Validates SCIM scenarios; the error names the scenario and every field that is wrong. */
export function validateScimScenarios(inputs: readonly unknown[], where: string): ScimScenario[] {
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const parsed = scimScenarioSchema.safeParse(input);
    const name = (input as { id?: unknown })?.id ?? `#${index}`;
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`);
      throw new ScenarioError(
        'SCENARIO_INVALID',
        `${where}: SCIM scenario ${String(name)} is invalid: ${problems.join('; ')}`,
      );
    }
    if (seen.has(parsed.data.id)) {
      throw new ScenarioError(
        'SCENARIO_DUPLICATE',
        `${where}: SCIM scenario id "${parsed.data.id}" is used twice`,
      );
    }
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

export { defineScimScenario } from './define.ts';
export type {
  CaughtBy,
  ConformanceScenario,
  ProvisioningScenario,
  ScimScenario,
  ScimScenarioInput,
  ScimStep,
} from './schema.ts';
export { scimScenarioSchema } from './schema.ts';
