import { type DemoNames, demoHarnessProviders } from '../examples/demo-sp/defaults.ts';
import type { ConfigInput } from './schema.ts';

/** Where the embedded demo runs: the harness on 7000, the demo SP on 7100 (loopback). */
export const builtinPorts = { harness: 7000, demoSp: 7100 } as const;

/**
 * The configuration used when no config file is found: the harness providers that the
 * bundled demo SP (examples/demo-sp) trusts, its test users, and the demo SP as the
 * target, started by the harness itself. `sso-harness run` with no config runs the
 * catalog against it.
 */
export function builtinConfig(
  spUrl = `http://127.0.0.1:${builtinPorts.demoSp}`,
  names: DemoNames = {},
): ConfigInput {
  const demo = demoHarnessProviders(spUrl, names);
  const targetId = names.target ?? 'demo-sp';
  const target = demo.targets![targetId]!;
  return {
    ...demo,
    server: { port: builtinPorts.harness },
    targets: {
      [targetId]: {
        ...target,
        probe: { ...target.probe, contains: '"email":"{{user.email}}"' },
        demoSp: { lax: [] },
      },
    },
    suites: {
      /** What `npm start` runs: the whole catalog against the demo SP. */
      default: { grep: '.' },
    },
  };
}
