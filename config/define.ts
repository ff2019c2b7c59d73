import type { ConfigInput } from './schema.ts';

/**
 * Types a configuration file. Returns its argument unchanged; validation happens at load.
 *
 * @example
 * // sso-harness.config.ts
 * import { defineConfig } from 'sso-harness';
 * export default defineConfig({
 *   providers: { okta: { protocol: 'saml', persona: 'okta', sps: { app: { entityId: 'https://app.example', acsUrls: ['https://app.example/saml/acs'] } } } },
 *   users: { alice: { email: 'alice@example.com', groups: ['admins'] } },
 * });
 */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}
