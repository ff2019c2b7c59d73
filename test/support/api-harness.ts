import { builtinConfig } from '../../config/builtin.ts';
import type { ConfigInput } from '../../config/schema.ts';
import { harnessExtensions } from '../../runner/serve-command.ts';
import { StateDatabase } from '../../runner/state/database.ts';
import { startTestIdp, type TestIdp } from './idp.ts';

export type ApiHarness = TestIdp & { stop(): Promise<void> };

/**
 * The harness with its API (IdP and runner parts) on 127.0.0.1, a free port and a fresh
 * state folder: the demo providers and users, no targets (nothing to start), no UI build.
 */
export async function startApiHarness(
  overrides: (config: ConfigInput) => ConfigInput = (c) => c,
  options: { stateDir?: string; uiDir?: string } = {},
): Promise<ApiHarness> {
  const { server: _server, targets: _targets, ...demo } = builtinConfig('http://127.0.0.1:9');
  // The demo SP is not started: its SAML provider knows one SP by hand instead of by metadata URL.
  const providers = { ...demo.providers } as Record<string, Record<string, unknown>>;
  providers['demo-saml'] = {
    ...providers['demo-saml'],
    sps: { app: { entityId: 'https://sp.example/saml', acsUrls: ['http://127.0.0.1:9/saml/acs'] } },
  };
  demo.providers = providers as ConfigInput['providers'];
  const composition = harnessExtensions({ uiDir: options.uiDir ?? '/nonexistent' });
  const idp = await startTestIdp(overrides({ ...demo, targets: {} }), {
    extensions: composition.extensions,
    stateDir: options.stateDir,
  });
  await composition.ready();
  // Providers make their keys (and an OIDC provider its library instance), and serve loads
  // its API modules, on first use: do all of it now, as in a harness in use, so that timings
  // in these tests measure the answers.
  await Promise.all([...idp.providers.values()].map((provider) => provider.info()));
  for (const provider of idp.providers.values()) {
    if (!provider.config.disabled) await (await fetch(provider.metadataUrl)).arrayBuffer();
  }
  await (await fetch(`${idp.url}/api/about`)).arrayBuffer();
  return {
    ...idp,
    async stop() {
      await idp.stop();
      if (!options.stateDir) StateDatabase.closeAll();
    },
  };
}
