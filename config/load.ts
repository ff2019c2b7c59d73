import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { z } from 'zod';
import { describeError } from '../lib/errors.ts';
import { builtinConfig } from './builtin.ts';
import { ConfigError } from './errors.ts';
import { importConfigModule } from './import-module.ts';
import { checkReferences } from './references.ts';
import { type Config, configSchema } from './schema.ts';

/** File names looked for in the working directory, in order. */
export const configFileNames = [
  'sso-harness.config.ts',
  'sso-harness.config.mts',
  'sso-harness.config.js',
  'sso-harness.config.mjs',
  'sso-harness.config.json',
] as const;

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file, or undefined for the built-in configuration. */
  file: string | undefined;
  /** Folder that relative paths in the config are resolved against. */
  baseDir: string;
  /**
   * Who chose `server.port`, for messages: `--port`, `server.port in <file>`, or undefined
   * when it is the default (which the CLI may move off when busy).
   */
  portChosenBy: string | undefined;
}

/** Overrides from the command line; they win over the file (flags > file > defaults). */
export interface ConfigFlags {
  host?: string | undefined;
  port?: number | undefined;
  stateDir?: string | undefined;
  /** `--api-token` (or env SSO_HARNESS_API_TOKEN): server.apiToken. */
  apiToken?: string | undefined;
  /** `--keep-runs`: history.keepRuns. */
  keepRuns?: number | undefined;
}

/**
 * Finds, reads and validates the configuration.
 * An explicit `file` must exist; otherwise the working directory is searched and the
 * built-in configuration is used when nothing is found.
 */
export async function loadConfig(
  options: {
    file?: string | undefined;
    cwd?: string;
    flags?: ConfigFlags;
    /** Where the bundled demo SP listens, for the built-in configuration (default http://127.0.0.1:7100). */
    builtinSpUrl?: string | undefined;
  } = {},
): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ? resolve(cwd, options.file) : findConfigFile(cwd);
  if (options.file && (!file || !existsSync(file))) {
    throw new ConfigError('CONFIG_NOT_FOUND', file, [
      'file not found; pass an existing file to --config or remove the flag',
    ]);
  }
  const raw = file ? await readConfigFile(file) : builtinConfig(options.builtinSpUrl);
  const flags = options.flags ?? {};
  const config = validateConfig(applyFlags(raw, flags), file);
  const baseDir = file ? dirname(file) : cwd;
  const portInFile =
    file !== undefined &&
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { server?: { port?: unknown } }).server?.port !== undefined;
  const portChosenBy =
    flags.port !== undefined ? '--port' : portInFile ? `server.port in ${file}` : undefined;
  return { config: { ...config, stateDir: resolve(cwd, config.stateDir) }, file, baseDir, portChosenBy };
}

export function findConfigFile(cwd: string): string | undefined {
  for (const name of configFileNames) {
    const candidate = resolve(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function readConfigFile(file: string): Promise<unknown> {
  if (extname(file) === '.json') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new ConfigError(
        'CONFIG_UNREADABLE',
        file,
        [`cannot read the file: ${describeError(error)}`],
        error,
      );
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError('CONFIG_UNREADABLE', file, [`not valid JSON: ${describeError(error)}`], error);
    }
  }
  try {
    const config = await importConfigModule(file);
    if (config === undefined) {
      throw new Error('the module has no default export; write `export default defineConfig({ ... })`');
    }
    return config;
  } catch (error) {
    throw new ConfigError(
      'CONFIG_UNREADABLE',
      file,
      [`cannot import the file: ${describeError(error)}`],
      error,
    );
  }
}

function applyFlags(raw: unknown, flags: ConfigFlags): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const input = raw as Record<string, unknown>;
  const server = { ...((input.server as Record<string, unknown> | undefined) ?? {}) };
  if (flags.host !== undefined) server.host = flags.host;
  if (flags.port !== undefined) server.port = flags.port;
  if (flags.apiToken !== undefined) server.apiToken = flags.apiToken;
  const next: Record<string, unknown> = { ...input, server };
  if (flags.stateDir !== undefined) next.stateDir = flags.stateDir;
  if (flags.keepRuns !== undefined) {
    next.history = {
      ...((input.history as Record<string, unknown> | undefined) ?? {}),
      keepRuns: flags.keepRuns,
    };
  }
  return next;
}

/** Validates a configuration object; every problem is reported with the path of its field. */
export function validateConfig(raw: unknown, file?: string): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError('CONFIG_INVALID', file, result.error.issues.map(formatIssue));
  }
  const problems = checkReferences(result.data);
  if (problems.length > 0) throw new ConfigError('CONFIG_UNKNOWN_REFERENCE', file, problems);
  return result.data;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return path ? `${path}: ${message}` : message;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
