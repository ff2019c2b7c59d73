import { z } from 'zod';
import { probeSchema } from '../../config/schema.ts';
import { IdpError } from '../../idp/errors.ts';
import { parseSpMetadata } from '../../idp/saml/sps/metadata.ts';
import type { SpMetadata } from '../../idp/saml/sps/types.ts';
import { describeError } from '../../lib/errors.ts';

const METADATA_FETCH_TIMEOUT_MS = 5000;
const METADATA_MAX_BYTES = 1024 * 1024;
const targetId = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

/** The body of `POST /api/targets/import-metadata`: where the SP's description comes from, and the target to make. */
export const importSchema = z.strictObject({
  /** The SAML provider the SP is registered with; default: the first SAML provider. */
  provider: z.string().optional(),
  /** url, upload, paste: SP metadata; manual: entityId and acsUrl typed in. */
  source: z.enum(['url', 'upload', 'paste', 'manual']),
  entityId: z.string().min(1).optional(),
  acsUrl: z.url({ message: 'expected the absolute URL of the SP Assertion Consumer Service' }).optional(),
  metadataUrl: z.url({ message: 'expected the absolute URL of the SP metadata' }).optional(),
  metadataXml: z.string().optional(),
  /** Id of the new target; default: made from the SP's entityID. */
  id: z.string().regex(targetId, 'expected a name made of letters, digits, ".", "_" or "-"').optional(),
  displayName: z.string().optional(),
  loginUrl: z.url({ message: 'expected the absolute URL that starts a login at the SP' }),
  logoutUrl: z.url().optional(),
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
    return fetchMetadata(input.metadataUrl);
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

async function fetchMetadata(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(METADATA_FETCH_TIMEOUT_MS),
      redirect: 'follow',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new IdpError(
      'SP_METADATA_INVALID',
      422,
      `could not fetch the SP metadata from ${url}: ${cause ?? describeError(error)}`,
      {
        hint: 'Is the SP running, and does it publish its metadata at this URL? You can also upload or paste the XML.',
      },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    throw new IdpError(
      'SP_METADATA_INVALID',
      422,
      `the metadata URL ${url} answered HTTP ${response.status}`,
      {
        hint: 'Check the URL; some SPs publish metadata only after SAML is enabled in their settings.',
      },
    );
  }
  if (Buffer.byteLength(text) > METADATA_MAX_BYTES) {
    throw new IdpError(
      'SP_METADATA_INVALID',
      422,
      `the metadata at ${url} is over ${METADATA_MAX_BYTES} bytes`,
    );
  }
  return text;
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
