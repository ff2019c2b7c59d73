import { z } from 'zod';
import { probeSchema } from '../../config/schema.ts';
import { IdpError } from '../../idp/errors.ts';
import { fetchMetadataText } from '../../idp/saml/sps/fetch-metadata.ts';
import { parseSpMetadata } from '../../idp/saml/sps/metadata.ts';
import type { SpMetadata } from '../../idp/saml/sps/types.ts';

const targetId = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const httpUrl = (message: string) => z.url({ protocol: /^https?$/, message });

/** The body of `POST /api/targets/import-metadata`: where the SP's description comes from, and the target to make. */
export const importSchema = z.strictObject({
  /** The SAML provider the SP is registered with; default: the first SAML provider. */
  provider: z.string().optional(),
  /** url, upload, paste: SP metadata; manual: entityId and acsUrl typed in. */
  source: z.enum(['url', 'upload', 'paste', 'manual']),
  entityId: z.string().min(1).optional(),
  acsUrl: httpUrl('expected the absolute http(s) URL of the SP Assertion Consumer Service').optional(),
  metadataUrl: httpUrl('expected the absolute http(s) URL of the SP metadata').optional(),
  metadataXml: z.string().optional(),
  /** Id of the new target; default: made from the SP's entityID. */
  id: z.string().regex(targetId, 'expected a name made of letters, digits, ".", "_" or "-"').optional(),
  displayName: z.string().optional(),
  loginUrl: httpUrl('expected the absolute http(s) URL that starts a login at the SP'),
  logoutUrl: httpUrl('expected an absolute http(s) URL').optional(),
  user: z.string().optional(),
  probe: probeSchema,
});

/** The SP as its metadata (fetched, uploaded or pasted) or the typed-in entityID and ACS URL describe it. */
export async function describeSp(input: z.output<typeof importSchema>): Promise<{
  xml: string | undefined;
  metadata: Pick<
    SpMetadata,
    'entityId' | 'acs' | 'signingCertificates' | 'encryptionCertificates' | 'authnRequestsSigned'
  >;
}> {
  if (input.source === 'manual') {
    if (!input.entityId || !input.acsUrl) {
      throw new IdpError(
        'BAD_REQUEST',
        400,
        `${!input.entityId ? 'entityId' : 'acsUrl'} is missing: an SP described by hand needs its entityID and ACS URL`,
      );
    }
    return {
      xml: undefined,
      metadata: {
        entityId: input.entityId,
        acs: [{ url: input.acsUrl, binding: '', index: 0, isDefault: true }],
        signingCertificates: [],
        encryptionCertificates: [],
        authnRequestsSigned: false,
      },
    };
  }
  const xml = await metadataText(input);
  return { xml, metadata: parseSpMetadata(xml, { source: input.metadataUrl ?? 'the uploaded metadata' }) };
}

async function metadataText(input: z.output<typeof importSchema>): Promise<string> {
  if (input.source === 'url') {
    if (!input.metadataUrl) {
      throw new IdpError('BAD_REQUEST', 400, 'metadataUrl is missing: where can the SP metadata be read?');
    }
    return fetchMetadataText(input.metadataUrl);
  }
  if (!input.metadataXml?.trim()) {
    throw new IdpError(
      'BAD_REQUEST',
      400,
      input.source === 'upload'
        ? 'the uploaded metadata file is empty'
        : 'metadataXml is empty: paste the SP metadata XML',
    );
  }
  return input.metadataXml;
}

/** `https://app.example/saml/metadata` -> `app.example`; a URN keeps its last part. */
export function idFromEntityId(entityId: string): string {
  let base = entityId;
  try {
    const url = new URL(entityId);
    base = url.protocol.startsWith('http') ? `${url.hostname}${url.port ? `-${url.port}` : ''}` : entityId;
  } catch {
    // not a URL
  }
  const cleaned = base
    .replace(/^urn:/i, '')
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^[^a-zA-Z0-9]+|-+$/g, '')
    .slice(0, 60);
  return cleaned || 'imported-sp';
}
