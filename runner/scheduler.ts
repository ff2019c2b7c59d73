/** A unit of work with the provider it uses, and whether it needs that provider alone. */
export interface Schedulable {
  providerId: string | undefined;
  exclusive: boolean;
}

/**
 * Runs tasks on `workers` concurrent slots. A task marked exclusive runs only while no
 * other task uses its provider (its faults change answers every login of that provider
 * sees), and once one waits, newer tasks of that provider wait behind it.
 */
export async function schedule<T extends Schedulable>(
  tasks: readonly T[],
  workers: number,
  run: (task: T) => Promise<void>,
): Promise<void> {
  const queue = [...tasks];
  const running = new Map<string, { shared: number; exclusive: boolean }>();
  let active = 0;
  let wake: (() => void) | undefined;

  const canStart = (task: T, reserved: Set<string>): boolean => {
    if (!task.providerId) return true;
    const use = running.get(task.providerId);
    if (task.exclusive) return !use || (use.shared === 0 && !use.exclusive);
    return !reserved.has(task.providerId) && !use?.exclusive;
  };

  const take = (): T | undefined => {
    const reserved = new Set<string>();
    for (let i = 0; i < queue.length; i++) {
      const task = queue[i]!;
      if (canStart(task, reserved)) {
        queue.splice(i, 1);
        return task;
      }
      if (task.exclusive && task.providerId) reserved.add(task.providerId);
    }
    return undefined;
  };

  const startTask = (task: T): Promise<void> => {
    active++;
    const key = task.providerId;
    if (key) {
      const use = running.get(key) ?? { shared: 0, exclusive: false };
      if (task.exclusive) use.exclusive = true;
      else use.shared++;
      running.set(key, use);
    }
    return run(task).finally(() => {
      active--;
      if (key) {
        const use = running.get(key)!;
        if (task.exclusive) use.exclusive = false;
        else use.shared--;
        if (use.shared === 0 && !use.exclusive) running.delete(key);
      }
      wake?.();
    });
  };

  const inFlight = new Set<Promise<void>>();
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
}
