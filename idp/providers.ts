import type { IdpContext, MountedProvider } from './context.ts';

/**
 * Builds every configured provider. Each protocol's modules are loaded only when a provider
 * of it is configured; keys are made on each provider's first use, not here.
 */
export async function mountProviders(context: IdpContext): Promise<Map<string, MountedProvider>> {
  const mounted = new Map<string, MountedProvider>();
  const configs = Object.entries(context.config.providers);
  const saml = configs.some(([, c]) => c.protocol === 'saml') ? await import('./saml/index.ts') : undefined;
  const oidc = configs.some(([, c]) => c.protocol === 'oidc') ? await import('./oidc/index.ts') : undefined;
  for (const [id, config] of configs) {
    const provider =
      config.protocol === 'saml'
        ? await saml!.createSamlProvider(id, config, context)
        : await oidc!.createOidcProvider(id, config, context);
    mounted.set(id, provider);
  }
  return mounted;
}
