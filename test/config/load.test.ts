import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/errors.ts';
import { loadConfig } from '../../config/load.ts';
import { tempDir } from '../support/idp.ts';

const root = new URL('../..', import.meta.url).pathname;

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('loadConfig', () => {
  it('reads a JSON config and fills the documented defaults', async () => {
    const cwd = project({
      'sso-harness.config.json': JSON.stringify({
        providers: {
          okta: { protocol: 'saml', persona: 'okta', sps: { app: { entityId: 'https://app.example' } } },
        },
        users: { alice: { email: 'alice@example.com' } },
      }),
    });
    const loaded = await loadConfig({ cwd });
    expect(loaded.file).toBe(join(cwd, 'sso-harness.config.json'));
    expect(loaded.config.server).toEqual({ host: '127.0.0.1', port: 7000 });
    const okta = loaded.config.providers.okta;
    expect(okta?.protocol === 'saml' && okta.sps.app?.signAssertion).toBe(true);
    expect(loaded.config.users.alice?.groups).toEqual([]);
  });

  it('reads a TypeScript config written with defineConfig', async () => {
    const cwd = project({
      'sso-harness.config.ts': `import { defineConfig } from '${root}config/define.ts';
export default defineConfig({ providers: { entra: { protocol: 'oidc', persona: 'entra', tenantId: 't-1' } } });`,
    });
    const loaded = await loadConfig({ cwd });
    expect(loaded.config.providers.entra).toMatchObject({
      protocol: 'oidc',
      persona: 'entra',
      tenantId: 't-1',
    });
  });

  it('lets flags win over the file', async () => {
    const cwd = project({
      'sso-harness.config.json': JSON.stringify({ server: { port: 9000, host: '127.0.0.2' } }),
    });
    const loaded = await loadConfig({ cwd, flags: { port: 0 } });
    expect(loaded.config.server).toEqual({ host: '127.0.0.2', port: 0 });
  });

  it('names the file, the path of each bad field and what was expected', async () => {
    const cwd = project({
      'sso-harness.config.json': JSON.stringify({
        providers: { okta: { protocol: 'saml', sps: { app: { entityId: 'x', acsUrls: ['not a url'] } } } },
        users: { bob: { email: 'bob@example.com', providers: ['nope'] } },
      }),
    });
    const error = await loadConfig({ cwd }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    expect((error as ConfigError).message).toContain('sso-harness.config.json');
    expect((error as ConfigError).message).toContain(
      'providers.okta.sps.app.acsUrls[0]: expected an absolute URL',
    );
  });

  it('reports a name that refers to nothing, with the known names', async () => {
    const cwd = project({
      'sso-harness.config.json': JSON.stringify({
        providers: { okta: { protocol: 'saml' } },
        users: { bob: { email: 'bob@example.com', providers: ['nope'] } },
      }),
    });
    await expect(loadConfig({ cwd })).rejects.toThrow(
      'users.bob.providers[0]: unknown provider "nope"; known: "okta"',
    );
  });

  it('refuses a persona for the wrong protocol', async () => {
    const cwd = project({
      'sso-harness.config.json': JSON.stringify({
        providers: { corp: { protocol: 'oidc', persona: 'adfs' } },
      }),
    });
    await expect(loadConfig({ cwd })).rejects.toThrow('providers.corp.persona: "adfs" is a SAML persona');
  });

  it('reports invalid JSON and a missing explicit file', async () => {
    const cwd = project({ 'broken.json': '{ "providers": ' });
    await expect(loadConfig({ cwd, file: 'broken.json' })).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(loadConfig({ cwd, file: 'missing.json' })).rejects.toMatchObject({
      code: 'CONFIG_NOT_FOUND',
    });
  });

  it('falls back to the built-in configuration when no file is found', async () => {
    const loaded = await loadConfig({ cwd: tempDir() });
    expect(loaded.file).toBeUndefined();
    expect(Object.keys(loaded.config.providers).length).toBeGreaterThan(0);
  });

  it("reads a target's declared clock skew, 180 s when it declares none, and names a bad one", async () => {
    const target = (extra: Record<string, unknown>) => ({
      providers: { okta: { protocol: 'saml', sps: { app: { entityId: 'https://app.example' } } } },
      targets: {
        app: {
          connections: { okta: { provider: 'okta', sp: 'app', loginUrl: 'https://app.example/login' } },
          probe: { url: 'https://app.example/me' },
          ...extra,
        },
      },
    });
    const read = (extra: Record<string, unknown>) =>
      loadConfig({ cwd: project({ 'sso-harness.config.json': JSON.stringify(target(extra)) }) });
    expect((await read({})).config.targets.app?.clockSkewSeconds).toBe(180);
    expect((await read({ clockSkewSeconds: 60 })).config.targets.app?.clockSkewSeconds).toBe(60);
    for (const bad of ['3 min', -5, 1.5]) {
      await expect(read({ clockSkewSeconds: bad })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('targets.app.clockSkewSeconds: expected'),
      });
    }
  });

  it('makes the CLI exit with code 2 and print the problem', () => {
    const cwd = project({ 'sso-harness.config.json': JSON.stringify({ server: { port: 'seven' } }) });
    const result = spawnSync(process.execPath, [join(root, 'bin/sso-harness.js'), 'serve'], {
      cwd,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('sso-harness.config.json');
    expect(result.stderr).toContain('server.port');
  });
});
