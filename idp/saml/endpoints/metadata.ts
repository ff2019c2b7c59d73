import type { Context } from 'koa';
import type { KeyKindName } from '../../keys/kinds.ts';
import { idpMetadataXml } from '../metadata.ts';
import type { SamlProvider } from '../provider.ts';
import type { MetadataPlan, SamlStageContext } from '../response/stages.ts';

const cache = new WeakMap<SamlProvider, Promise<string>>();

/**
 * The provider's metadata XML, as `<provider>/metadata` serves it and `sso-harness
 * metadata` prints it. Made once per provider: it depends only on the config and the
 * current key, and SPs that refresh metadata at every login ask for it often.
 */
export function providerMetadata(provider: SamlProvider): Promise<string> {
  let xml = cache.get(provider);
  if (!xml) {
    xml = buildMetadata(provider, ['current']);
    xml.catch(() => cache.delete(provider));
    cache.set(provider, xml);
  }
  return xml;
}

async function buildMetadata(provider: SamlProvider, signingKinds: readonly KeyKindName[]): Promise<string> {
  const key = await provider.signingKey();
  const signing = await Promise.all(signingKinds.map((kind) => provider.context.keys.get(provider.id, kind)));
  return idpMetadataXml({
    entityId: provider.entityId,
    endpointBase: provider.base,
    signingCertificates: signing.map((k) => k.certificateBody!),
    encryptionCertificate: key.certificateBody!,
    wantAuthnRequestsSigned: provider.config.wantAuthnRequestsSigned,
    nameIdFormats: [provider.config.nameIdFormat ?? provider.persona.saml?.nameIdFormat].filter(
      (f): f is string => f !== undefined,
    ),
  });
}

/**
 * The metadata an SP reads now: the provider's exclusive flow may publish other signing
 * certificates (a rollover: current and next, then next only) at its `metadata` stage.
 */
async function servedMetadata(provider: SamlProvider): Promise<{ xml: string; kinds: KeyKindName[] }> {
  const flow = provider.context.flows.exclusiveFlow(provider.id);
  if (!flow?.hooks.has('saml', 'metadata'))
    return { xml: await providerMetadata(provider), kinds: ['current'] };
  // The metadata answers every SP: a fault at this stage is told no SP and no request.
  const context = {
    providerId: provider.id,
    flowId: flow.id,
    request: undefined,
  } as unknown as SamlStageContext;
  const plan = await flow.hooks.apply<MetadataPlan>(
    'saml',
    'metadata',
    { signingKinds: ['current'] },
    context,
  );
  return { xml: await buildMetadata(provider, plan.signingKinds), kinds: plan.signingKinds };
}

/** `GET <provider>/metadata`; `?download=1` makes the browser save it as a file. */
export async function metadataEndpoint(provider: SamlProvider, ctx: Context): Promise<void> {
  if (wantsDownload(ctx)) ctx.attachment(`${provider.id}-idp-metadata.xml`);
  // After attachment(), which sets a type from the file name.
  ctx.type = 'application/samlmetadata+xml';
  const { xml, kinds } = await servedMetadata(provider);
  const maxAge = provider.config.metadataMaxAgeSeconds;
  ctx.set('Cache-Control', `public, max-age=${maxAge}`);
  ctx.body = xml;
  // Traced while a flow holds the provider (a rollover, whose wait step reads when the SP
  // last fetched it); otherwise an SP that reads metadata at every login would fill the trace.
  const flow = provider.context.flows.exclusiveFlow(provider.id);
  if (!flow) return;
  provider.trace(ctx, {
    flowId: flow.id,
    direction: 'out',
    binding: undefined,
    kind: 'metadata',
    summary: `IdP metadata with signing certificates ${kinds.join(', ')} (max-age=${maxAge})`,
  });
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
