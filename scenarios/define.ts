import type { ScenarioInput } from './schema.ts';

/**
 * Types a scenario. Returns it unchanged: a scenario is data and must survive JSON.
 *
 * @example
 * export default defineScenario({
 *   id: 'saml.audience.wrong',
 *   title: 'Audience names another SP',
 *   protocol: 'saml',
 *   faults: [{ fault: 'saml.audience', params: { audience: 'https://other.example' } }],
 *   expect: 'reject',
 *   why: 'An assertion for another SP must not log anyone in here.',
 * });
 */
export function defineScenario<const S extends ScenarioInput>(scenario: S): S {
  return scenario;
}
