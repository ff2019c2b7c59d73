import { describe, expect, it } from 'vitest';
import { Trace } from '../../idp/trace.ts';
import { heapAfterGc } from '../support/gc.ts';

const MB = 1024 * 1024;

describe('the trace', () => {
  it('holds 2,000 one-megabyte messages within its byte budget, the big ones cut with a note', () => {
    const trace = new Trace({ limit: 2000, maxBytes: 64 * MB, maxEntryBytes: 256 * 1024 });
    const heapBefore = heapAfterGc();
    for (let i = 0; i < 2000; i++) {
      // A fresh string each time, as inflating a new request makes one.
      const message = `<samlp:AuthnRequest ID="_${i}">${'x'.repeat(MB)}</samlp:AuthnRequest>`;
      trace.record({
        protocol: 'saml',
        direction: 'in',
        binding: 'HTTP-Redirect',
        kind: 'AuthnRequest',
        summary: `request ${i}`,
        raw: message,
        flowId: i % 2 ? `flow_${i}` : undefined,
      });
    }
    expect(trace.heldBytes).toBeLessThanOrEqual(64 * MB);
    const kept = trace.list();
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.at(-1)!.summary).toBe('request 1999');
    expect(kept.at(-1)!.raw).toMatch(/\(cut: \d+ more characters; the trace keeps 262144 per message/);
    // Before: the same 2,000 messages kept 1.94 GB of heap.
    expect(heapAfterGc() - heapBefore).toBeLessThan(100 * MB);
  });

  it('gives the bytes back when flows are forgotten and the log is cleared', () => {
    const trace = new Trace({ limit: 100, maxBytes: MB });
    for (let i = 0; i < 50; i++) {
      trace.record({
        protocol: 'saml',
        direction: 'out',
        binding: undefined,
        kind: 'Response',
        summary: 's',
        raw: 'y'.repeat(1000),
        flowId: 'flow_a',
      });
    }
    expect(trace.heldBytes).toBeGreaterThan(50_000);
    trace.forgetFlow('flow_a');
    trace.clear();
    expect(trace.heldBytes).toBe(0);
  });
});
