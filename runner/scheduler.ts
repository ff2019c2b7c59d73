import { ProviderLocks } from '../idp/provider-locks.ts';

/** A unit of work with the provider it uses, and whether it needs that provider alone. */
export interface Schedulable {
  providerId: string | undefined;
  exclusive: boolean;
}

/**
 * Runs tasks on `workers` concurrent slots. A task marked exclusive runs only while no
 * other task uses its provider (its faults change answers every login of that provider
 * sees), and once one waits, newer tasks of that provider wait behind it. With the
 * server's `locks` (`harness.context.flows.locks`), the same holds across runs: an
 * exclusive task of one run waits for another run's logins on its provider instead of
 * failing with FLOW_BUSY, and theirs wait for it.
 */
export async function schedule<T extends Schedulable>(
  tasks: readonly T[],
  workers: number,
  run: (task: T) => Promise<void>,
  locks: ProviderLocks = new ProviderLocks(),
): Promise<void> {
  const owner = {};
  const queue = [...tasks];
  let active = 0;
  let wake: (() => void) | undefined;
  const onRelease = () => wake?.();
  locks.on('release', onRelease);

  const take = (): T | undefined => {
    const reserved = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      const task = queue[i]!;
      const provider = task.providerId;
      if (!provider || (!reserved.has(provider) && locks.canTake(provider, task.exclusive, owner))) {
        queue.splice(i, 1);
        return task;
      }
      if (task.exclusive) {
        reserved.add(provider);
        locks.reserve(provider, owner);
      }
    }
    return undefined;
  };

  const startTask = (task: T): Promise<void> => {
    active++;
    const release = task.providerId ? locks.take(task.providerId, task.exclusive, owner) : () => {};
    return run(task).finally(() => {
      active--;
      release();
      wake?.();
    });
  };

  const inFlight = new Set<Promise<void>>();
  try {
    while (queue.length > 0 || active > 0) {
      let task = active < workers ? take() : undefined;
      while (task) {
        const promise = startTask(task);
        inFlight.add(promise);
        promise.finally(() => inFlight.delete(promise)).catch(() => {});
        task = active < workers ? take() : undefined;
      }
      if (queue.length === 0 && active === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    await Promise.allSettled(inFlight);
  } finally {
    locks.off('release', onRelease);
    locks.cancel(owner);
  }
}
