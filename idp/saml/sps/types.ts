import type { SamlSpConfig } from '../../../config/schema.ts';

/** An Assertion Consumer Service of an SP. */
export interface AcsEndpoint {
  url: string;
  /** Binding URI as metadata names it (HTTP-POST for URLs from the config). */
  binding: string;
  index: number | undefined;
  isDefault: boolean;
}

export interface SloEndpoint {
  url: string;
  binding: string;
}

/** What SP metadata says, as `parseSpMetadata` reads it. */
export interface SpMetadata {
  entityId: string;
  acs: AcsEndpoint[];
  slo: SloEndpoint[];
  /** PEM certificates of KeyDescriptors for signing (or without `use`). */
  signingCertificates: string[];
  /** PEM certificates of KeyDescriptors for encryption (or without `use`). */
  encryptionCertificates: string[];
  authnRequestsSigned: boolean;
  wantAssertionsSigned: boolean;
  nameIdFormats: string[];
}

/** Where an SP's settings came from. */
export type SpSource = 'config' | 'metadata-file' | 'metadata-url' | 'metadata' | 'permissive';

/** One SP as the IdP uses it: config and metadata merged, ready to answer. */
export interface ServiceProvider {
  /** Name in the provider's `sps` (or `permissive:<entityID>`). */
  name: string;
  entityId: string;
  /** In order of preference: the default (isDefault, then lowest index, then first) comes first. */
  acs: AcsEndpoint[];
  slo: SloEndpoint | undefined;
  signingCertificates: string[];
  encryptionCertificate: string | undefined;
  signResponse: boolean;
  signAssertion: boolean;
  encryptAssertion: boolean;
  encryptionAlgorithm: SamlSpConfig['encryptionAlgorithm'];
  requireSignedRequests: boolean;
  nameIdFormat: string | undefined;
  defaultRelayState: string | undefined;
  source: SpSource;
}
