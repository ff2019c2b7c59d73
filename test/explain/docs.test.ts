import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every check id explain can report is documented in docs/explain-json.md. */
const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/explain-json.md', () => {
  it('documents every check id the code reports', () => {
    const docs = readFileSync(join(root, 'docs/explain-json.md'), 'utf8');
    const ids = new Set<string>(['oidc.at_hash', 'oidc.c_hash']);
    for (const file of sources(join(root, 'explain')).filter((f) => !f.endsWith('reproduce.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/'((?:saml|oidc|input|flow)\.[a-z0-9_.-]+)'/g))
        ids.add(match[1]!);
    }
    expect(ids.size).toBeGreaterThan(60);
    expect([...ids].filter((id) => !docs.includes(`\`${id}\``)).sort()).toEqual([]);
  });
});
