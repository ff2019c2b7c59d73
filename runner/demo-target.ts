import type { Server } from 'node:http';
import type { TargetConfig } from '../config/schema.ts';
import type { DemoSp } from '../examples/demo-sp/index.ts';
import { closeServer } from '../lib/http-server.ts';
import { bindPort } from './ports.ts';

/**
 * Starts the bundled demo SP for every target that asks for it (`demoSp` in the target),
 * on the port its probe URL names, trusting the harness at `harnessUrl`.
 * `lax` (from the command line) replaces the target's own lax switches when given.
 * `bound` holds servers already listening for some targets (the built-in demo, whose port
 * the CLI chose before the config was made); the others bind the probe URL's port, and a
 * busy one is an error naming the target.
 */
export async function launchDemoTargets(
  targets: Readonly<Record<string, TargetConfig>>,
  harnessUrl: string,
  lax?: readonly string[],
  bound: Readonly<Record<string, Server>> = {},
): Promise<{ sps: DemoSp[]; close(): Promise<void> }> {
  const sps: DemoSp[] = [];
  try {
    for (const [id, target] of Object.entries(targets)) {
      if (!target.demoSp) continue;
      const url = new URL(target.probe.url);
      const server =
        bound[id] ??
        (
          await bindPort({
            what: `the demo SP of target "${id}"`,
            port: Number(url.port || 80),
            host: url.hostname,
            chosenBy: `targets.${id}.probe.url`,
          })
        ).server;
      // Loaded only when a target asks for the demo SP: it brings its own SAML and OIDC libraries.
      const { createDemoSp } = await import('../examples/demo-sp/index.ts');
      const sp = createDemoSp({ harnessUrl, host: url.hostname, server, lax: lax ?? target.demoSp.lax });
      sps.push(
        await sp.catch(async (error: unknown) => {
          await closeServer(server);
          throw error;
        }),
      );
    }
  } catch (error) {
    await Promise.all(Object.values(bound).map((server) => closeServer(server)));
    await Promise.all(sps.map((sp) => sp.close()));
    throw error;
  }
  return { sps, close: async () => void (await Promise.all(sps.map((sp) => sp.close()))) };
}
