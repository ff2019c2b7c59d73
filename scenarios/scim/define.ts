import type { ScimScenarioInput } from './schema.ts';

/**
 * Types a SCIM scenario (provisioning steps, or a conformance check). Returns it
 * unchanged: like every scenario, it is data and must survive JSON.
 *
 * @example
 * export default defineScimScenario({
 *   id: 'scim.users.deactivate',
 *   title: 'Deactivated at the IdP: no login, no session',
 *   kind: 'provisioning',
 *   steps: [
 *     { do: 'assign', user: 'subject' },
 *     { do: 'login', user: 'subject', expect: 'accept' },
 *     { do: 'deactivate', user: 'subject' },
 *     { do: 'probe', user: 'subject', expect: 'reject' },
 *   ],
 *   why: 'Deprovisioning must end access, sessions included.',
 * });
 */
export function defineScimScenario<const S extends ScimScenarioInput>(scenario: S): S {
  return scenario;
}
