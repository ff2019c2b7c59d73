import { describe, expect, it } from 'vitest';
import { diffLines, foldUnchanged, normalizeForDiff } from '../../lib/message-diff.ts';

const response = (audience: string, id: string, notOnOrAfter: string) =>
  [
    `<samlp:Response ID="${id}" IssueInstant="2026-11-23T12:00:00.000Z" InResponseTo="_req1">`,
    `  <saml:Conditions NotBefore="2026-11-23T11:59:30.000Z" NotOnOrAfter="${notOnOrAfter}">`,
    `    <saml:Audience>${audience}</saml:Audience>`,
    '  </saml:Conditions>',
    `  <ds:SignatureValue>${id}sig</ds:SignatureValue>`,
    '</samlp:Response>',
  ].join('\n');

describe('diffLines', () => {
  it('shows only what the fault changed, not IDs, instants or signature values', () => {
    const clean = response('https://sp.example', '_a1', '2026-11-23T12:05:00.000Z');
    const faulted = response('https://other.example', '_b2', '2026-11-23T12:05:00.000Z')
      .replace(/2026-11-23T12:00:00/, '2026-11-23T12:00:07')
      .replace(/2026-11-23T11:59:30/, '2026-11-23T11:59:37')
      .replace(/12:05:00/, '12:05:07');
    const changed = diffLines(clean, faulted)!.filter((l) => l.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'del', text: '    <saml:Audience>https://sp.example</saml:Audience>' },
      { kind: 'add', text: '    <saml:Audience>https://other.example</saml:Audience>' },
    ]);
  });

  it('keeps a time fault visible as an offset from the first instant', () => {
    const clean = response('x', '_a', '2026-11-23T12:05:00.000Z');
    const expired = response('x', '_a', '2026-11-23T11:00:00.000Z');
    const added = diffLines(clean, expired)!.filter((l) => l.kind === 'add');
    expect(added).toHaveLength(1);
    expect(normalizeForDiff(expired)[1]).toContain('NotOnOrAfter="-3600s"');
    expect(normalizeForDiff(clean)[1]).toContain('NotOnOrAfter="+300s"');
  });

  it('normalizes JWT times against iat and per-login values', () => {
    const claims = (exp: number) => `{\n  "iat": 1000,\n  "exp": ${exp},\n  "nonce": "n${exp}"\n}`;
    expect(normalizeForDiff(claims(4600))[2]).toBe('  "exp": iat+3600s,');
    expect(
      diffLines(claims(4600), claims(900))!
        .filter((l) => l.kind !== 'same')
        .map((l) => l.kind),
    ).toEqual(['del', 'add']);
  });
});

describe('diffLines on huge messages', () => {
  it('gives up rather than build a table that does not fit in memory', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n');
    expect(diffLines(many, `${many}\nmore`)).toBeUndefined();
    expect(diffLines('a\nb', 'a\nc')).toHaveLength(3);
  });
});

describe('foldUnchanged', () => {
  it('folds long unchanged runs and keeps context around changes', () => {
    const lines = Array.from(
      { length: 20 },
      (_, i) => ({ kind: i === 10 ? 'add' : 'same', text: `${i}` }) as const,
    );
    expect(foldUnchanged(lines, 2)).toEqual([
      { kind: 'fold', from: 0, to: 8 },
      { kind: 'lines', from: 8, to: 13 },
      { kind: 'fold', from: 13, to: 20 },
    ]);
  });
});
