import type { MountedProvider } from '../../idp/context.ts';
import { IdpError } from '../../idp/errors.ts';
import { describeError } from '../../lib/errors.ts';
import type { SavedSpRegistration, TargetsStore } from '../targets-store.ts';

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
  const registry = provider.saml;
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
  return registry.putSp(
    registration.name,
    registration.settings ?? {},
    registration.metadataXml === undefined ? {} : { metadataXml: registration.metadataXml },
  );
}

/** Unregisters an SP the UI registered. */
export function unregisterSp(
  providers: Map<string, MountedProvider>,
  registration: SavedSpRegistration,
): void {
  providers.get(registration.provider)?.saml?.removeSp(registration.name);
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
