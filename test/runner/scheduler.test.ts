import { describe, expect, it } from 'vitest';
import { schedule } from '../../runner/scheduler.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('schedule', () => {
  it('runs at most `workers` tasks at once and every task once', async () => {
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    const tasks = Array.from({ length: 20 }, (_, i) => ({
      id: i,
      providerId: `p${i % 3}`,
      exclusive: false,
    }));
    await schedule(tasks, 4, async (t) => {
      active++;
      peak = Math.max(peak, active);
      await tick(5);
      done.push(t.id);
      active--;
    });
    expect(peak).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual(tasks.map((t) => t.id));
  });

  it('runs an exclusive task alone on its provider, and others of that provider wait behind it', async () => {
    const log: string[] = [];
    const running = new Set<string>();
    const tasks = [
      { id: 'a1', providerId: 'a', exclusive: false },
      { id: 'a-x', providerId: 'a', exclusive: true },
      { id: 'a2', providerId: 'a', exclusive: false },
      { id: 'b1', providerId: 'b', exclusive: false },
    ];
    await schedule(tasks, 4, async (t) => {
      if (t.exclusive) expect([...running].filter((r) => r.startsWith('a'))).toEqual([]);
      if (t.providerId === 'a' && !t.exclusive) expect(running.has('a-x')).toBe(false);
      running.add(t.id);
      log.push(`start ${t.id}`);
      await tick(10);
      running.delete(t.id);
    });
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('start a-x'));
    expect(log).toHaveLength(4);
  });
});

describe('schedule across runs', () => {
  it('queues an exclusive task until another run is done with its provider, instead of overlapping', async () => {
    const { ProviderLocks } = await import('../../idp/provider-locks.ts');
    const locks = new ProviderLocks();
    const using = new Map<string, { shared: number; exclusive: number }>();
    const clashes: string[] = [];
    const work = (name: string) => async (task: { providerId: string; exclusive: boolean }) => {
      const use = using.get(task.providerId) ?? { shared: 0, exclusive: 0 };
      using.set(task.providerId, use);
      if (task.exclusive ? use.shared + use.exclusive > 0 : use.exclusive > 0) clashes.push(name);
      if (task.exclusive) use.exclusive++;
      else use.shared++;
      await tick(10);
      if (task.exclusive) use.exclusive--;
      else use.shared--;
    };
    const runA = Array.from({ length: 6 }, () => ({ providerId: 'jwks', exclusive: false }));
    const runB = [
      { providerId: 'jwks', exclusive: true },
      { providerId: 'jwks', exclusive: false },
      { providerId: 'jwks', exclusive: true },
    ];
    await Promise.all([schedule(runA, 3, work('a'), locks), schedule(runB, 3, work('b'), locks)]);
    expect(clashes).toEqual([]);
  });
});
