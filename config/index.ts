export { builtinConfig } from './builtin.ts';
export { defaults } from './defaults.ts';
export { defineConfig } from './define.ts';
export type { ConfigErrorCode } from './errors.ts';
export { ConfigError } from './errors.ts';
export type { ConfigFlags, LoadedConfig } from './load.ts';
export { configFileNames, findConfigFile, loadConfig, validateConfig } from './load.ts';
export type {
  Config,
  ConfigInput,
  ConnectionConfig,
  OidcClientConfig,
  OidcProviderConfig,
  PersonaName,
  ProbeConfig,
  ProviderConfig,
  SamlProviderConfig,
  SamlSpConfig,
  TargetConfig,
  UserConfig,
} from './schema.ts';
export { configSchema, personaNames, samlNameIdFormats } from './schema.ts';
