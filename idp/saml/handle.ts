import { providerMetadata } from './endpoints/metadata.ts';
import type { SamlProvider } from './provider.ts';
import type { SpProblem } from './sps/registry.ts';
import type { ServiceProvider } from './sps/types.ts';

/**
 * What the UI and API may do with a running SAML provider: read its metadata, and list,
 * add, replace or remove its SPs while it serves.
 *
 * @example
 * const saml = server.providers.get('mock-saml')?.saml;
 * await saml?.putSp('app', {}, { metadataXml: uploadedXml });
 * saml?.idpInitiatedUrl('app', '/dashboard');
 */
export interface SamlProviderHandle {
  readonly id: string;
  readonly entityId: string;
  readonly metadataUrl: string;
  /** The metadata XML the provider serves. */
  metadataXml(): Promise<string>;
  /** Resolved SPs, in registration order. */
  listSps(): ServiceProvider[];
  /** SPs whose metadata could not be read yet (URL down), with why. */
  spProblems(): SpProblem[];
  getSp(name: string): Promise<ServiceProvider | undefined>;
  /**
   * Adds or replaces an SP. `settings` is what you would write under `sps` in the config
   * (validated by its schema); `metadataXml` stands for an uploaded metadata file.
   */
  putSp(name: string, settings: unknown, options?: { metadataXml?: string }): Promise<ServiceProvider>;
  removeSp(name: string): boolean;
  /** The URL that starts an IdP-initiated login into an SP. */
  idpInitiatedUrl(spName: string, relayState?: string): string;
  /** The URL that starts an IdP-initiated logout from an SP. */
  logoutUrl(spName: string): string;
}

export function providerHandle(provider: SamlProvider): SamlProviderHandle {
  return {
    id: provider.id,
    entityId: provider.entityId,
    metadataUrl: `${provider.base}/metadata`,
    metadataXml: () => providerMetadata(provider),
    listSps: () => provider.sps.list(),
    spProblems: () => provider.sps.problems(),
    getSp: (name) => provider.sps.get(name),
    putSp: (name, settings, options) => provider.sps.put(name, settings, options),
    removeSp: (name) => provider.sps.remove(name),
    idpInitiatedUrl: (spName, relayState) => {
      const url = new URL(`${provider.base}/idp-init`);
      url.searchParams.set('sp', spName);
      if (relayState !== undefined) url.searchParams.set('RelayState', relayState);
      return url.href;
    },
    logoutUrl: (spName) => `${provider.base}/logout?sp=${encodeURIComponent(spName)}`,
  };
}
