import type { IdpContext, MountedProvider } from './context.ts';
import { createOidcProvider } from './oidc/index.ts';
import { createSamlProvider } from './saml/index.ts';

/** Builds every configured provider. Keys are made (or loaded) here, before the first request. */
export async function mountProviders(context: IdpContext): Promise<Map<string, MountedProvider>> {
  const mounted = new Map<string, MountedProvider>();
  for (const [id, config] of Object.entries(context.config.providers)) {
    const provider =
      config.protocol === 'saml'
        ? await createSamlProvider(id, config, context)
        : await createOidcProvider(id, config, context);
    mounted.set(id, provider);
  }
  return mounted;
}
