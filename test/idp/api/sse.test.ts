import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamLimits } from '../../../idp/api/sse.ts';
import { type ApiHarness, startApiHarness } from '../../support/api-harness.ts';
import { heapAfterGc } from '../../support/gc.ts';

let idp: ApiHarness;
beforeAll(async () => {
  idp = await startApiHarness();
});
afterAll(() => idp?.stop());

/** Opens a trace stream that never reads past its headers (a client that stopped reading). */
function openIdle(url: string): Promise<{ status: number; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/trace/stream`, (res) => {
      res.pause();
      resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('live streams', () => {
  it('keeps at most maxStreams of 300 clients, drops those that stop reading, and keeps serving', async () => {
    const clients = await Promise.all(Array.from({ length: 300 }, () => openIdle(idp.url)));
    const statuses = clients.map((c) => c.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(streamLimits.maxStreams);
    expect(statuses.filter((s) => s === 429)).toHaveLength(300 - streamLimits.maxStreams);
    const heapBefore = heapAfterGc();
    // 40 MB of trace text, sent to 256 clients that read none of it.
    const raw = 'z'.repeat(200 * 1024);
    for (let i = 0; i < 200; i++) {
      idp.context.trace.record({
        protocol: 'saml',
        direction: 'in',
        binding: undefined,
        kind: 'AuthnRequest',
        summary: `m${i}`,
        raw,
      });
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const answer = await fetch(`${idp.url}/api/providers`);
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    // Buffered without limit, 256 slow clients would hold 256 x 40 MB here.
    expect(heapAfterGc() - heapBefore).toBeLessThan(streamLimits.maxBufferedBytes * 2 + 256 * 1024 * 1024);
    const dropped = await openIdle(idp.url);
    expect(dropped.status).toBe(200);
    dropped.close();
    for (const client of clients) client.close();
  });
});
