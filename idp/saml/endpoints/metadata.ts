import type { Context } from 'koa';
import { idpMetadataXml } from '../metadata.ts';
import type { SamlProvider } from '../provider.ts';

const cache = new WeakMap<SamlProvider, Promise<string>>();

/**
 * The provider's metadata XML, as `<provider>/metadata` serves it and `sso-harness
 * metadata` prints it. Made once per provider: it depends only on the config and the
 * current key, and SPs that refresh metadata at every login ask for it often.
 */
export function providerMetadata(provider: SamlProvider): Promise<string> {
  let xml = cache.get(provider);
  if (!xml) {
    xml = buildMetadata(provider);
    xml.catch(() => cache.delete(provider));
    cache.set(provider, xml);
  }
  return xml;
}

async function buildMetadata(provider: SamlProvider): Promise<string> {
  const key = await provider.signingKey();
  return idpMetadataXml({
    entityId: provider.entityId,
    endpointBase: provider.base,
    signingCertificate: key.certificateBody!,
    encryptionCertificate: key.certificateBody!,
    wantAuthnRequestsSigned: provider.config.wantAuthnRequestsSigned,
    nameIdFormats: [provider.config.nameIdFormat ?? provider.persona.saml?.nameIdFormat].filter(
      (f): f is string => f !== undefined,
    ),
  });
}

/** `GET <provider>/metadata`; `?download=1` makes the browser save it as a file. */
export async function metadataEndpoint(provider: SamlProvider, ctx: Context): Promise<void> {
  if (wantsDownload(ctx)) ctx.attachment(`${provider.id}-idp-metadata.xml`);
  // After attachment(), which sets a type from the file name.
  ctx.type = 'application/samlmetadata+xml';
  ctx.body = await providerMetadata(provider);
}

/** `GET <provider>/certificate.pem`: the signing certificate, for SPs configured by hand. */
export async function certificateEndpoint(provider: SamlProvider, ctx: Context): Promise<void> {
  const key = await provider.signingKey();
  if (wantsDownload(ctx)) ctx.attachment(`${provider.id}-signing.pem`);
  ctx.type = 'application/x-pem-file';
  ctx.body = key.certificatePem;
}

function wantsDownload(ctx: Context): boolean {
  return ctx.query.download !== undefined && ctx.query.download !== '0';
}
