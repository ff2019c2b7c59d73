import type { ScenarioInput } from '../schema.ts';

/** SAML scenarios, one file each. */
export const samlScenarios: ScenarioInput[] = [];
