import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { SamlSpConfig } from '../../../config/schema.ts';
import { describeError } from '../../../lib/errors.ts';
import { IdpError } from '../../errors.ts';
import { bindings } from '../constants.ts';
import { fetchMetadataText } from './fetch-metadata.ts';
import { parseSpMetadata, sortAcs } from './metadata.ts';
import type { ServiceProvider, SpMetadata, SpSource } from './types.ts';

export interface ResolveOptions {
  /** Folder `metadataFile` is relative to. */
  baseDir: string;
  /** Metadata text given directly (an upload), instead of the config's file or URL. */
  metadataXml?: string | undefined;
}

/**
 * Turns one `sps` entry of the config into a ServiceProvider: reads its metadata (given
 * text, file or URL) when it has some, then lets explicit config values win.
 */
export async function resolveServiceProvider(
  name: string,
  config: SamlSpConfig,
  options: ResolveOptions,
): Promise<ServiceProvider> {
  let metadata: SpMetadata | undefined;
  let source: SpSource = 'config';
  if (options.metadataXml !== undefined) {
    metadata = parseSpMetadata(options.metadataXml, {
      entityId: config.entityId,
      source: `metadata of SP "${name}"`,
    });
    source = 'metadata';
  } else if (config.metadataFile) {
    const file = isAbsolute(config.metadataFile)
      ? config.metadataFile
      : resolve(options.baseDir, config.metadataFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new IdpError(
        'SP_METADATA_INVALID',
        400,
        `cannot read the metadata file of SP "${name}" (${file}): ${describeError(error)}`,
      );
    }
    metadata = parseSpMetadata(text, { entityId: config.entityId, source: file });
    source = 'metadata-file';
  } else if (config.metadataUrl) {
    metadata = parseSpMetadata(await fetchMetadata(name, config.metadataUrl), {
      entityId: config.entityId,
      source: config.metadataUrl,
    });
    source = 'metadata-url';
  }
  return merge(name, config, metadata, source);
}

function merge(
  name: string,
  config: SamlSpConfig,
  metadata: SpMetadata | undefined,
  source: SpSource,
): ServiceProvider {
  const entityId = config.entityId ?? metadata?.entityId;
  if (!entityId) {
    throw new IdpError(
      'SP_METADATA_INVALID',
      400,
      `SP "${name}" has no entityId and no metadata that names one`,
    );
  }
  const acs =
    config.acsUrls.length > 0
      ? config.acsUrls.map((url, i) => ({ url, binding: bindings.post, index: i, isDefault: i === 0 }))
      : sortAcs(metadata?.acs ?? []);
  const slo = config.sloUrl
    ? { url: config.sloUrl, binding: preferredSloBinding(metadata, config.sloUrl) }
    : (metadata?.slo.find((s) => s.binding === bindings.post) ??
      metadata?.slo.find((s) => s.binding === bindings.redirect));
  const signingCertificates = config.certificate
    ? [config.certificate]
    : (metadata?.signingCertificates ?? []);
  const encryptionCertificate = config.encryptionCertificate ?? metadata?.encryptionCertificates[0];
  for (const [what, pem] of [
    ...signingCertificates.map((p) => ['certificate', p] as const),
    ['encryptionCertificate', encryptionCertificate] as const,
  ]) {
    if (pem === undefined) continue;
    try {
      new X509Certificate(pem);
    } catch {
      throw new IdpError(
        'SP_METADATA_INVALID',
        400,
        `the ${what} of SP "${name}" is not a readable PEM certificate`,
      );
    }
  }
  return {
    name,
    entityId,
    acs,
    slo,
    signingCertificates,
    encryptionCertificate,
    signResponse: config.signResponse,
    signAssertion: config.signAssertion || Boolean(metadata?.wantAssertionsSigned),
    encryptAssertion: config.encryptAssertion,
    encryptionAlgorithm: config.encryptionAlgorithm,
    // An SP that declares it signs its requests gets unsigned ones refused.
    requireSignedRequests: config.requireSignedRequests || Boolean(metadata?.authnRequestsSigned),
    nameIdFormat: config.nameIdFormat ?? metadata?.nameIdFormats[0],
    defaultRelayState: config.defaultRelayState,
    source,
  };
}

function preferredSloBinding(metadata: SpMetadata | undefined, url: string): string {
  return metadata?.slo.find((s) => s.url === url)?.binding ?? bindings.post;
}

async function fetchMetadata(name: string, url: string): Promise<string> {
  try {
    return await fetchMetadataText(url);
  } catch (error) {
    if (error instanceof IdpError) {
      throw new IdpError(error.code, error.status, `SP "${name}": ${error.message}`, { hint: error.hint });
    }
    throw error;
  }
}
