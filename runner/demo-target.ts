import type { TargetConfig } from '../config/schema.ts';
import { createDemoSp, type DemoSp } from '../examples/demo-sp/index.ts';
import { RunnerError } from './errors.ts';

/**
 * Starts the bundled demo SP for every target that asks for it (`demoSp` in the target),
 * on the port its probe URL names, trusting the harness at `harnessUrl`.
 * `lax` (from the command line) replaces the target's own lax switches when given.
 */
export async function launchDemoTargets(
  targets: Readonly<Record<string, TargetConfig>>,
  harnessUrl: string,
  lax?: readonly string[],
): Promise<{ sps: DemoSp[]; close(): Promise<void> }> {
  const sps: DemoSp[] = [];
  try {
    for (const [id, target] of Object.entries(targets)) {
      if (!target.demoSp) continue;
      const url = new URL(target.probe.url);
      const port = Number(url.port || 80);
      sps.push(
        await createDemoSp({
          harnessUrl,
          host: url.hostname,
          port,
          lax: lax ?? target.demoSp.lax,
        }).catch((error: unknown) => {
          throw new RunnerError(
            'BAD_OPTION',
            `target "${id}": cannot start the demo SP on ${url.host}: ${(error as Error).message}`,
            error,
          );
        }),
      );
    }
  } catch (error) {
    await Promise.all(sps.map((sp) => sp.close()));
    throw error;
  }
  return { sps, close: async () => void (await Promise.all(sps.map((sp) => sp.close()))) };
}
