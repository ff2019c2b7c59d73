import type { ScenarioInput } from '../schema.ts';

/** OIDC scenarios, one file each. */
export const oidcScenarios: ScenarioInput[] = [];
