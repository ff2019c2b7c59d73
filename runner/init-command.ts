import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve } from 'node:path';
import { defaults } from '../config/defaults.ts';
import { validateConfig } from '../config/load.ts';
import type { ConfigInput } from '../config/schema.ts';
import { parseSpMetadata } from '../idp/saml/sps/metadata.ts';
import type { SpMetadata } from '../idp/saml/sps/types.ts';
import { describeError } from '../lib/errors.ts';
import { closeServer } from '../lib/http-server.ts';
import { describeSp } from './api/sp-description.ts';
import { RunnerError } from './errors.ts';
import { bindPort } from './ports.ts';

export interface InitOptions {
  /** The SAML SP's metadata: an http(s) URL or a file. */
  spMetadata?: string | undefined;
  /** The OIDC RP's redirect URIs. */
  redirectUri?: string[] | undefined;
  /** File to write; its extension picks the format (.ts, .mts, .js, .mjs, .json). */
  out?: string | undefined;
  force?: boolean | undefined;
}

/** Where a `.json` config finds the JSON Schema of the installed package (editor completion). */
export const schemaRef = './node_modules/sso-harness/sso-harness.schema.json';

const formats = ['.ts', '.mts', '.js', '.mjs', '.json'] as const;

/**
 * `sso-harness init`: writes a starter config for your SP (from its SAML metadata, by URL
 * or file, and / or from an OIDC redirect URI), validated before it is written, and
 * prints what is left to fill in and what to tell the SP about the mock IdP.
 *
 * @throws RunnerError `BAD_OPTION` without a source, for an unknown extension, or when the
 *   file exists (without --force); an SP metadata error names what is wrong with it.
 */
export async function initCommand(options: InitOptions): Promise<void> {
  const out = resolve(options.out ?? 'sso-harness.config.ts');
  const format = extname(out) as (typeof formats)[number];
  if (!formats.includes(format)) {
    throw new RunnerError('BAD_OPTION', `--out must end in ${formats.join(', ')}; got "${options.out}"`);
  }
  if (!options.spMetadata && !options.redirectUri?.length) {
    throw new RunnerError(
      'BAD_OPTION',
      'tell init about your SP: --sp-metadata URL-or-FILE (SAML) and / or --redirect-uri URL (OIDC)',
    );
  }
  if (existsSync(out) && !options.force) {
    throw new RunnerError('BAD_OPTION', `${out} exists; pass --force to overwrite it`);
  }
  const saml = options.spMetadata ? await readSp(options.spMetadata, dirname(out)) : undefined;
  const port = await harnessPort();
  const starter = starterConfig({ saml, redirectUris: options.redirectUri ?? [], port: port.port });
  validateConfig(starter.config, out);
  await writeFile(out, render(starter.config, format), 'utf8');
  const moved =
    port.movedFrom === undefined
      ? ''
      : `Port ${port.movedFrom} is in use here (on a Mac, often AirPlay): the config names port ${port.port} for the harness.\n`;
  process.stdout.write(`${moved}${starter.notes(relative(process.cwd(), out) || out)}\n`);
}

/**
 * The port the harness will listen on, written into the starter config: the SP registers
 * URLs with this port, so `serve` must not move off it later the way it moves off a busy
 * default port (a port the config names is an error when busy, not a silent move).
 */
async function harnessPort(): Promise<{ port: number; movedFrom: number | undefined }> {
  const bound = await bindPort({
    what: 'the harness',
    port: defaults.server.port,
    host: defaults.server.host,
    chosenBy: undefined,
  });
  await closeServer(bound.server);
  return { port: bound.port, movedFrom: bound.movedFrom };
}

interface SamlSource {
  metadata: Pick<SpMetadata, 'entityId' | 'acs'>;
  /** How the config points at the metadata: a URL to read on start, or a file beside the config. */
  reference: { metadataUrl: string } | { metadataFile: string };
}

async function readSp(source: string, configDir: string): Promise<SamlSource> {
  if (/^https?:\/\//i.test(source)) {
    const described = await describeSp({
      source: 'url',
      metadataUrl: source,
      loginUrl: 'http://init.invalid/',
      probe: { url: 'http://init.invalid/' },
    });
    return { metadata: described.metadata, reference: { metadataUrl: source } };
  }
  let xml: string;
  try {
    xml = await readFile(source, 'utf8');
  } catch (error) {
    throw new RunnerError(
      'BAD_OPTION',
      `cannot read the SP metadata file ${source}: ${describeError(error)}`,
    );
  }
  const metadata = parseSpMetadata(xml, { source });
  return { metadata, reference: { metadataFile: relative(configDir, resolve(source)) || source } };
}

/** The SP's web origin, guessed from its ACS or redirect URI. */
function originOf(url: string | undefined): string {
  try {
    return url ? new URL(url).origin : 'http://localhost:3000';
  } catch {
    return 'http://localhost:3000';
  }
}

function starterConfig(input: { saml: SamlSource | undefined; redirectUris: string[]; port: number }): {
  config: ConfigInput;
  notes(file: string): string;
} {
  const { saml, redirectUris } = input;
  const origin = originOf(saml?.metadata.acs[0]?.url ?? redirectUris[0]);
  const harness = `http://${defaults.server.host}:${input.port}`;
  const secret = `dev-${randomBytes(12).toString('base64url')}`;
  const providers: NonNullable<ConfigInput['providers']> = {};
  const connections: Record<
    string,
    { provider: string; sp?: string; client?: string; loginUrl: string; user: string }
  > = {};
  if (saml) {
    providers['mock-saml'] = { protocol: 'saml', persona: 'generic', sps: { app: { ...saml.reference } } };
    connections.saml = { provider: 'mock-saml', sp: 'app', loginUrl: `${origin}/login`, user: 'alice' };
  }
  if (redirectUris.length) {
    providers['mock-oidc'] = {
      protocol: 'oidc',
      persona: 'generic',
      clients: { app: { clientSecret: secret, redirectUris } },
    };
    connections.oidc = { provider: 'mock-oidc', client: 'app', loginUrl: `${origin}/login`, user: 'alice' };
  }
  const config: ConfigInput = {
    server: { port: input.port },
    providers,
    users: {
      alice: { email: 'alice@example.com', givenName: 'Alice', familyName: 'Example', groups: ['admins'] },
      bob: { email: 'bob@example.com', givenName: 'Bob', familyName: 'Example' },
    },
    targets: {
      app: {
        connections,
        probe: { url: `${origin}/me`, status: 200, contains: '{{user.email}}' },
      },
    },
  };
  const names = Object.keys(connections);
  const tell: string[] = [];
  if (saml) {
    tell.push(
      `  SAML: IdP metadata ${harness}/saml/mock-saml/metadata (entityID ${harness}/saml/mock-saml, SSO ${harness}/saml/mock-saml/sso)`,
    );
  }
  if (redirectUris.length) {
    tell.push(
      `  OIDC: issuer ${harness}/oidc/mock-oidc (discovery at /.well-known/openid-configuration), client_id app, client_secret ${secret}`,
    );
  }
  return {
    config,
    notes: (file) =>
      [
        `Wrote ${file}${saml ? ` for the SAML SP ${saml.metadata.entityId} (ACS ${saml.metadata.acs[0]?.url ?? 'none'})` : ''}${redirectUris.length ? `${saml ? ' and' : ' for'} the OIDC client "app" (${redirectUris.join(', ')})` : ''}.`,
        '',
        'Fill in (guessed values are in the file):',
        ...names.map(
          (n) =>
            `  - targets.app.connections.${n}.loginUrl: the URL that starts a login at your SP (now ${origin}/login)`,
        ),
        `  - targets.app.probe: a page of your SP that shows who is logged in (now ${origin}/me, expected to contain the user's email)`,
        '  - users: your test users (alice and bob are examples; scenarios log in as alice)',
        '',
        'Tell your SP about the mock IdP:',
        ...tell,
        '',
        'Then: npx sso-harness serve   (the mock IdP and its UI)',
        '      npx sso-harness run     (the scenario catalog against your SP)',
      ].join('\n'),
  };
}

function render(config: ConfigInput, format: (typeof formats)[number]): string {
  if (format === '.json') return `${JSON.stringify({ $schema: schemaRef, ...config }, null, 2)}\n`;
  return `import { defineConfig } from 'sso-harness';

// Written by \`sso-harness init\`. Fill in what is marked "fill in"; every field is described
// in the README's Configuration section.
export default defineConfig(${jsLiteral(config, '', [])});
`;
}

/** Comments put beside the guessed values of the starter config, by path. */
const fillIn: Record<string, string> = {
  'targets.app.connections.saml.loginUrl': 'fill in: the URL that starts a SAML login at your SP',
  'targets.app.connections.oidc.loginUrl': 'fill in: the URL that starts an OIDC login at your SP',
  'targets.app.probe.url': 'fill in: a page of your SP that shows who is logged in',
  'targets.app.probe.contains': "what that page shows when logged in; {{user.email}} is the user's email",
  users: 'fill in: your test users',
};

/** A value as TypeScript source: identifier keys bare, single quotes, trailing commas. */
function jsLiteral(value: unknown, indent: string, path: string[]): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) {
    const items = value.map((v) => jsLiteral(v, `${indent}  `, path));
    return items.join(', ').length < 80
      ? `[${items.join(', ')}]`
      : `[\n${items.map((i) => `${indent}  ${i},`).join('\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const lines = Object.entries(value).map(([key, v]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
      const at = [...path, key];
      const comment = fillIn[at.join('.')];
      const literal = jsLiteral(v, `${indent}  `, at);
      if (comment && literal.startsWith('{\n'))
        return `${indent}  ${name}: { // ${comment}${literal.slice(1)},`;
      return `${indent}  ${name}: ${literal},${comment ? ` // ${comment}` : ''}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return String(value);
}
