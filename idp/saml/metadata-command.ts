import { loadConfig } from '../../config/load.ts';
import { IdpError } from '../errors.ts';
import { createIdpContext } from '../server.ts';
import { providerMetadata } from './endpoints/metadata.ts';
import { SamlProvider } from './provider.ts';

/** `sso-harness metadata`: prints one SAML provider's metadata as the server would serve it. */
export async function printMetadata(options: {
  config?: string;
  provider?: string;
  baseUrl?: string;
}): Promise<void> {
  process.stdout.write(await metadataFor(options));
}

/** The metadata text `printMetadata` prints, without starting a server. */
export async function metadataFor(options: {
  config?: string;
  provider?: string;
  baseUrl?: string;
}): Promise<string> {
  const loaded = await loadConfig({ file: options.config });
  const { config } = loaded;
  const saml = Object.entries(config.providers).filter(([, p]) => p.protocol === 'saml');
  const id = options.provider ?? saml[0]?.[0];
  const provider = saml.find(([name]) => name === id)?.[1];
  if (!id || !provider || provider.protocol !== 'saml') {
    throw new IdpError('UNKNOWN_PROVIDER', 400, `no SAML provider "${id ?? ''}"`, {
      hint: `SAML providers in this config: ${saml.map(([n]) => n).join(', ') || '(none)'}`,
    });
  }
  const baseUrl =
    options.baseUrl ?? config.server.publicUrl ?? `http://${config.server.host}:${config.server.port}`;
  const context = createIdpContext({ config, baseUrl, baseDir: loaded.baseDir, log: () => {} });
  return providerMetadata(new SamlProvider(id, provider, context));
}
