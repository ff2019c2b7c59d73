import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/idp.ts';

const script = new URL('../../scripts/report-cards.ts', import.meta.url).pathname;
const cardsDir = new URL('../../docs/report-cards/', import.meta.url).pathname;

function check(dir: string) {
  return spawnSync(process.execPath, [script, '--check', '--dir', dir], { encoding: 'utf8' });
}

describe('report-cards --check', () => {
  it('passes when every committed card was made against the current catalog', () => {
    const result = check(cardsDir);
    expect(result.stderr).not.toMatch(/stale/);
    expect(result.status).toBe(0);
  });

  it('fails naming a card made against another catalog', () => {
    const dir = tempDir('sso-harness-cards-');
    const card = JSON.parse(readFileSync(join(cardsDir, 'samlify.json'), 'utf8'));
    writeFileSync(join(dir, 'samlify.json'), JSON.stringify({ ...card, catalogFingerprint: 'sha256:0' }));
    writeFileSync(join(dir, 'authjs.json'), readFileSync(join(cardsDir, 'authjs.json')));
    const result = check(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('stale report card');
    expect(result.stderr).toContain('samlify.md');
    expect(result.stderr).not.toContain('authjs.md');
  });
});
