import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinConfig } from '../../config/builtin.ts';
import { RunHistory } from '../../runner/history.ts';
import { StateDatabase } from '../../runner/state/database.ts';
import { TargetsStore } from '../../runner/targets-store.ts';
import type { RunRecord, ScenarioResult } from '../../runner/types.ts';
import { apiClient } from '../api/support.ts';
import { startApiHarness } from '../support/api-harness.ts';
import { freePort } from '../support/demo.ts';
import { tempDir } from '../support/idp.ts';

afterAll(() => StateDatabase.closeAll());

const bin = new URL('../../bin/sso-harness.js', import.meta.url).pathname;

function run(
  id: string,
  startedAt: string,
  results: number,
  status: RunRecord['status'] = 'finished',
): RunRecord {
  return {
    id,
    status,
    startedAt,
    finishedAt: startedAt,
    pid: process.pid,
    options: { targets: ['app'], driver: 'http', workers: 1 },
    summary: { total: results, passed: results, failed: 0, errored: 0, skipped: 0, durationMs: 1 },
    results: Array.from({ length: results }, (_, i) => result(`s${i} @ app`)),
    reporterErrors: [],
    calibrations: [],
  } as RunRecord;
}

function result(key: string, size = 10): ScenarioResult {
  return {
    key,
    scenarioId: key.split(' ')[0],
    verdict: 'pass',
    title: 'x'.repeat(size),
  } as unknown as ScenarioResult;
}

describe('run history', () => {
  it('lists runs newest first, a page at a time, and prunes to keepRuns and keepMegabytes', async () => {
    const history = new RunHistory(tempDir(), { keepRuns: 5, keepMegabytes: 1 });
    for (let i = 0; i < 8; i++) await history.save(run(`run-${i}`, `2026-01-0${i + 1}T00:00:00Z`, 2));
    expect(history.count()).toBe(5);
    expect((await history.list({ limit: 2 })).map((r) => r.id)).toEqual(['run-7', 'run-6']);
    expect((await history.list({ limit: 2, offset: 2 })).map((r) => r.id)).toEqual(['run-5', 'run-4']);
    const big = run('run-big', '2026-02-01T00:00:00Z', 0);
    await history.save(big);
    await history.saveResult(big.id, result('huge @ app', 700 * 1024), 0);
    await history.saveResult(big.id, result('huge2 @ app', 700 * 1024), 1);
    await history.save({ ...big, results: (await history.get(big.id))!.results });
    // Over 1 MB: the older runs go, the newest stays whatever its size.
    expect((await history.list()).map((r) => r.id)).toEqual(['run-big']);
  });

  it('imports the file-per-run history of earlier versions and quarantines a truncated file with a notice', async () => {
    const stateDir = tempDir();
    mkdirSync(join(stateDir, 'runs'));
    writeFileSync(
      join(stateDir, 'runs', 'good.json'),
      JSON.stringify(run('good', '2026-01-01T00:00:00Z', 3)),
    );
    writeFileSync(
      join(stateDir, 'runs', 'cut.json'),
      JSON.stringify(run('cut', '2026-01-02T00:00:00Z', 3)).slice(0, 120),
    );
    const logs: string[] = [];
    const history = new RunHistory(stateDir, { log: (line) => logs.push(line) });
    expect((await history.list()).map((r) => r.id)).toEqual(['good']);
    expect((await history.get('good'))!.results).toHaveLength(3);
    expect(logs.join('\n')).toMatch(/runs\/cut\.json is not valid JSON .* moved to .*quarantine/);
    expect(readdirSync(join(stateDir, 'quarantine')).some((f) => f.endsWith('cut.json'))).toBe(true);
    expect(history.state.notices().map((n) => n.file)).toContain(join(stateDir, 'runs', 'cut.json'));
    expect(existsSync(join(stateDir, 'runs.imported'))).toBe(true);
  });

  it('keeps the good saved targets of a targets.json with a null record, and the API keeps answering', async () => {
    const stateDir = tempDir();
    const good = {
      target: {
        connections: { saml: { provider: 'demo-saml', sp: 'app', loginUrl: 'http://127.0.0.1:9/login' } },
        probe: { url: 'http://127.0.0.1:9/me' },
      },
      savedAt: '2026-01-01T00:00:00Z',
    };
    writeFileSync(
      join(stateDir, 'targets.json'),
      JSON.stringify({ schema: 'sso-harness/targets@1', records: { good, broken: null } }),
    );
    writeFileSync(join(stateDir, 'reproductions.json'), '{"schema": "sso-harness/reprod');
    const idp = await startApiHarness((c) => c, { stateDir });
    try {
      const api = apiClient(idp.url);
      const targets = await api.get('/api/targets');
      expect(targets.status).toBe(200);
      expect(targets.body.map((t: { id: string }) => t.id)).toEqual(['good']);
      const run = await api.post('/api/runs', { target: 'broken', suite: 'default' });
      expect(run.status).toBe(404);
      const notices = await api.get('/api/state/notices');
      const text = notices.body.map((n: { message: string }) => n.message).join('\n');
      expect(text).toContain(`${join(stateDir, 'targets.json')}: record "broken"`);
      expect(text).toContain(`${join(stateDir, 'reproductions.json')} is not valid JSON`);
      expect((await api.get('/api/reproductions')).status).toBe(200);
    } finally {
      await idp.stop();
    }
  });

  it('leaves out a stored record that no longer validates, naming the database', async () => {
    const stateDir = tempDir();
    const store = new TargetsStore(stateDir, () => {});
    store.state.db.prepare("INSERT INTO records (kind, id, json) VALUES ('targets', 'bad', 'null')").run();
    expect(await store.list()).toEqual([]);
    expect(store.state.notices()[0]!.message).toContain(
      `${join(stateDir, 'state.db')}: saved targets record "bad"`,
    );
  });

  it('keeps every finished result of a `sso-harness run` killed with SIGKILL mid-run', async () => {
    const cwd = tempDir();
    const config = builtinConfig(`http://127.0.0.1:${await freePort()}`);
    // Keys from a seed: random 2048-bit keys for every provider are most of the work before
    // the first result, and on a loaded machine they made the 30 s test time out.
    writeFileSync(
      join(cwd, 'sso-harness.config.json'),
      JSON.stringify({
        ...config,
        server: { port: 0 },
        keys: { ...config.keys, seed: 'history-sigkill-test' },
      }),
    );
    const child = spawn(
      process.execPath,
      [bin, 'run', '--protocol', 'saml', '--workers', '2', '--reporter', 'list'],
      {
        cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Progress lines of finished jobs (`[  6/154] ✓ pass ...`), not skips (printed before any
    // job runs) nor the final table (printed after the last one): the kill must land mid-run.
    let out = '';
    let printed = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no results within 60 s')), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        printed = (out.match(/^\[\s*\d+\/\d+\] [✓✗!] /gm) ?? []).length;
        if (printed >= 5) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('the run ended before it was killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const history = new RunHistory(join(cwd, '.sso-harness'));
    const [listed] = await history.list();
    expect(listed!.status).toBe('interrupted');
    const record = await history.get(listed!.id);
    // Every result the list reporter printed was committed before it was printed.
    expect(record!.results.length).toBeGreaterThanOrEqual(5);
  }, 90_000);
});

describe('a corrupt key file', () => {
  it('names the file in the answer and in the flow trace, instead of a bare internal error', async () => {
    const stateDir = tempDir();
    const idp = await startApiHarness((c) => c, { stateDir });
    // A key kind made on first use, then cut short on disk.
    const file = join(stateDir, 'keys', 'demo-saml', 'rogue.key.pem');
    mkdirSync(join(stateDir, 'keys', 'demo-saml'), { recursive: true });
    writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nMIIE\n');
    try {
      const api = apiClient(idp.url);
      const flow = await api.post('/api/flows', {
        provider: 'demo-saml',
        user: 'alice',
        faults: [{ fault: 'saml.signing-key', params: { kind: 'rogue' } }],
      });
      const page = await fetch(`${idp.url}/saml/demo-saml/idp-init?sp=app`, {
        headers: { cookie: `sso_harness_flow=${flow.body.id}` },
      });
      expect(await page.text()).toContain(file);
      const trace = await api.get(`/api/flows/${flow.body.id}/trace`);
      expect(trace.body.map((e: { summary: string }) => e.summary).join('\n')).toContain(
        `KEY_FILE_CORRUPT: ${file}`,
      );
      expect(idp.logs.join('\n')).toContain(file);
    } finally {
      await idp.stop();
    }
  });
});
