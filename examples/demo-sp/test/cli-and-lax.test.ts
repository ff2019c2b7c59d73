import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DemoSpError, laxNames, laxSwitches, parseLax } from '../index.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

describe('lax switches', () => {
  it('has a one-line description for each, and covers the checks the scenarios need', () => {
    for (const name of laxNames) expect(laxSwitches[name]).toMatch(/^.{10,160}$/);
    for (const needed of [
      'audience',
      'destination',
      'recipient',
      'in-response-to',
      'replay-cache',
      'clock-skew',
      'signature-required',
      'certificate-expiry',
      'keyinfo-trust',
      'weak-crypto',
      'issuer',
      'status',
      'nameid-format',
      'authn-context',
      'required-attributes',
      'unsolicited',
      'session-not-on-or-after',
      'issue-instant',
      'nonce',
      'id-token-signature',
      'alg-none',
      'hs-confusion',
      'oidc-issuer',
      'oidc-audience',
      'azp',
      'state',
      'auth-response-iss',
      'userinfo-sub',
      'email-verified',
      'match-by-email',
      'tenant',
      'hosted-domain',
      'connection-binding',
      'email-domain',
      'disabled-connection',
      'jit',
      'doctype',
    ]) {
      expect(laxNames).toContain(needed);
    }
  });

  it('parses a comma list and refuses an unknown name, listing the known ones', () => {
    expect([...parseLax('audience, replay-cache')]).toEqual(['audience', 'replay-cache']);
    expect(() => parseLax(['audiense'])).toThrow(DemoSpError);
    expect(() => parseLax('audiense')).toThrow(
      /unknown lax switch "audiense"; known switches: audience, destination/,
    );
  });
});

describe('demo SP CLI', () => {
  it('lists the lax switches', () => {
    const result = spawnSync(process.execPath, [main, '--list-lax'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('keyinfo-trust');
  });

  it('refuses an unknown lax switch with exit code 2', () => {
    const result = spawnSync(process.execPath, [main, '--port', '0', '--lax', 'audience,nope'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown lax switch "nope"');
  });

  it('serves in its own process, with the lax switches given', async () => {
    const child = spawn(
      process.execPath,
      [main, '--port', '0', '--harness', 'http://127.0.0.1:9', '--lax', 'audience'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /demo SP on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const me = await fetch(`${url}/me`);
      expect(me.status).toBe(401);
      expect(await me.json()).toEqual({ user: null });
      // The harness is not there: the login says so with a reason, it does not crash.
      const login = await fetch(`${url}/login/saml`, {
        redirect: 'manual',
        headers: { accept: 'application/json' },
      });
      expect(login.status).toBe(502);
      expect(await login.json()).toMatchObject({ error: { reason: 'idp-unreachable' } });
    } finally {
      child.kill();
    }
  });
});

describe('README', () => {
  it('lists every lax switch', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of laxNames) expect(readme).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
  });
});
