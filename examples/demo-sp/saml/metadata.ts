import type { Element } from '@xmldom/xmldom';
import { LoginRefused } from '../errors.ts';
import { attr, children, descendants, hasDoctype, ns, parseXml, text } from './xml.ts';

/** What the SP registers from an IdP's metadata. */
export interface IdpMetadata {
  entityId: string;
  /** SSO endpoint for HTTP-Redirect AuthnRequests. */
  ssoUrl: string;
  /** Single logout endpoint (HTTP-Redirect), if the IdP has one. */
  sloUrl: string | undefined;
  /** Registered signing certificates, as PEM. */
  signingCertificates: string[];
  fetchedAt: number;
}

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/**
 * IdP metadata, fetched when first needed (the harness may start after the SP) and
 * again when older than `maxAgeMs` or when a caller asks (a signature that no
 * registered key verifies may mean the IdP rotated its key).
 */
export class MetadataCache {
  private readonly entries = new Map<string, Promise<IdpMetadata>>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly pinned: boolean;

  constructor(options: { maxAgeMs: number; now: () => number; pinned?: boolean }) {
    this.maxAgeMs = options.maxAgeMs;
    this.now = options.now;
    this.pinned = options.pinned ?? false;
  }

  async get(url: string, options: { refresh?: boolean; connection?: string } = {}): Promise<IdpMetadata> {
    const cached = this.entries.get(url);
    if (cached && this.pinned) {
      const meta = await cached.catch(() => undefined);
      if (meta) return meta;
    }
    if (cached && !options.refresh) {
      const meta = await cached.catch(() => undefined);
      if (meta && this.now() - meta.fetchedAt <= this.maxAgeMs) return meta;
    }
    const fresh = fetchMetadata(url, this.now(), options.connection);
    this.entries.set(url, fresh);
    fresh.catch(() => this.entries.delete(url));
    return fresh;
  }

  /** The last metadata read, without fetching (IdP-initiated responses, logout). */
  async cached(url: string): Promise<IdpMetadata | undefined> {
    return this.entries.get(url)?.catch(() => undefined);
  }
}

async function fetchMetadata(url: string, now: number, connection: string | undefined): Promise<IdpMetadata> {
  let body: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.text();
  } catch (error) {
    throw new LoginRefused(
      'idp-unreachable',
      `the IdP metadata at ${url} could not be read: ${String(error)}`,
      {
        status: 502,
        connection,
        cause: error,
      },
    );
  }
  return parseMetadata(body, url, now);
}

export function parseMetadata(xml: string, url: string, now: number): IdpMetadata {
  if (hasDoctype(xml)) {
    throw new LoginRefused('doctype', `the IdP metadata at ${url} carries a DOCTYPE; it is refused`, {
      status: 502,
    });
  }
  const doc = parseXml(xml, `IdP metadata at ${url}`);
  const root = doc.documentElement!;
  const entity =
    root.localName === 'EntityDescriptor' ? root : descendants(root, ns.metadata, 'EntityDescriptor')[0];
  const idp = entity ? descendants(entity, ns.metadata, 'IDPSSODescriptor')[0] : undefined;
  const entityId = attr(entity, 'entityID');
  if (!entity || !idp || !entityId) {
    throw new LoginRefused('response-invalid', `${url} is not SAML IdP metadata (no IDPSSODescriptor)`, {
      status: 502,
    });
  }
  const sso = endpoint(idp, 'SingleSignOnService');
  if (!sso) {
    throw new LoginRefused(
      'response-invalid',
      `the IdP metadata at ${url} has no HTTP-Redirect SingleSignOnService`,
      {
        status: 502,
      },
    );
  }
  const signingCertificates = children(idp, ns.metadata, 'KeyDescriptor')
    .filter((kd) => (attr(kd, 'use') ?? 'signing') === 'signing')
    .flatMap((kd) => descendants(kd, ns.dsig, 'X509Certificate'))
    .map((el) => text(el))
    .filter((body): body is string => Boolean(body))
    .map(toPem);
  return {
    entityId,
    ssoUrl: sso,
    sloUrl: endpoint(idp, 'SingleLogoutService'),
    signingCertificates,
    fetchedAt: now,
  };
}

function endpoint(idp: Element, name: string): string | undefined {
  const all = children(idp, ns.metadata, name);
  const chosen = all.find((e) => attr(e, 'Binding') === REDIRECT);
  return attr(chosen, 'Location');
}

export function toPem(body: string): string {
  const clean = body.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${clean.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}
