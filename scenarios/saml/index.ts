import type { ScenarioInput } from '../schema.ts';
import baselineSpInitiated from './baseline-sp-initiated.ts';

/** SAML scenarios, one file each. */
export const samlScenarios: ScenarioInput[] = [baselineSpInitiated];
