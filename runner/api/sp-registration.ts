import type { MountedProvider } from '../../idp/context.ts';
import { IdpError } from '../../idp/errors.ts';
import { describeError } from '../../lib/errors.ts';
import type { SavedSpRegistration, TargetsStore } from '../targets-store.ts';

/** What the API needs of a SAML provider's SP registry (`idp/saml/sps/registry.ts`). */
export interface SpRegistryHandle {
  put(name: string, input: unknown, options?: { metadataXml?: string }): Promise<{ entityId: string }>;
  remove(name: string): boolean;
}

/**
 * The SP registry of a mounted SAML provider, reached through its handle (the provider
 * object behind the mounted middleware).
 */
export function spRegistryOf(provider: MountedProvider): SpRegistryHandle | undefined {
  const candidate = provider as MountedProvider & { handle?: { sps?: unknown }; sps?: unknown };
  const registry = candidate.handle?.sps ?? candidate.sps;
  if (registry && typeof (registry as SpRegistryHandle).put === 'function')
    return registry as SpRegistryHandle;
  return undefined;
}

/** Registers an SP from its metadata with a SAML provider; errors are 4xx that say why. */
export async function registerSp(
  providers: Map<string, MountedProvider>,
  registration: SavedSpRegistration,
): Promise<{ entityId: string }> {
  const provider = providers.get(registration.provider);
  if (provider?.protocol !== 'saml') {
    const known = [...providers.values()].filter((p) => p.protocol === 'saml').map((p) => p.id);
    throw new IdpError('UNKNOWN_PROVIDER', 400, `there is no SAML provider "${registration.provider}"`, {
      hint: known.length ? `SAML providers: ${known.join(', ')}.` : 'Configure a SAML provider first.',
    });
  }
  const registry = spRegistryOf(provider);
  if (!registry) {
    throw new IdpError(
      'INTERNAL',
      501,
      `the SAML provider "${provider.id}" cannot take new SPs while it runs`,
      {
        hint: 'Add the SP under providers.<id>.sps in the config file instead.',
      },
    );
  }
  return registry.put(registration.name, {}, { metadataXml: registration.metadataXml });
}

/** Unregisters an SP the UI registered. */
export function unregisterSp(
  providers: Map<string, MountedProvider>,
  registration: SavedSpRegistration,
): void {
  const provider = providers.get(registration.provider);
  if (provider) spRegistryOf(provider)?.remove(registration.name);
}

/** On start: registers again every SP that saved targets were imported with. */
export async function restoreSavedSps(
  providers: Map<string, MountedProvider>,
  store: TargetsStore,
  log: (line: string) => void,
): Promise<void> {
  for (const [id, saved] of await store.list()) {
    if (!saved.sp) continue;
    try {
      await registerSp(providers, saved.sp);
    } catch (error) {
      log(`warning: saved target "${id}": cannot register its SP again: ${describeError(error)}`);
    }
  }
}
