import type { Middleware } from 'koa';
import type { Config, ProviderConfig } from '../config/schema.ts';
import type { Directory } from './directory/directory.ts';
import type { FlowTable } from './flows.ts';
import type { CertificateSummary } from './keys/certificate.ts';
import type { KeyFactory } from './keys/factory.ts';
import type { SamlProviderHandle } from './saml/handle.ts';
import type { Trace } from './trace.ts';

/** What every part of the IdP shares: built once per server. */
export interface IdpContext {
  config: Config;
  /** Folder that relative paths in the config are resolved against. */
  baseDir: string;
  /** Public base URL, no trailing slash (http://127.0.0.1:7000). */
  baseUrl: string;
  keys: KeyFactory;
  directory: Directory;
  trace: Trace;
  flows: FlowTable;
  log: (line: string) => void;
}

/** A provider as the UI and CLI describe it. */
/** One URL of a provider an SP or RP is configured with. */
export interface ProviderEndpoint {
  /** metadata, SingleSignOnService, SingleLogoutService, IdP-initiated login, discovery, authorization, token, ... */
  name: string;
  url: string;
  /** SAML binding (HTTP-Redirect, HTTP-POST) or HTTP method, when the endpoint is for one. */
  binding?: string | undefined;
  /** One line on what it is for. */
  note?: string | undefined;
}

export interface ProviderInfo {
  id: string;
  protocol: 'saml' | 'oidc';
  displayName: string;
  persona: string;
  disabled: boolean;
  /** SAML entityID or OIDC issuer. */
  entityId: string;
  /** SAML metadata URL or OIDC discovery URL. */
  metadataUrl: string;
  /** Where the provider's endpoints live. */
  baseUrl: string;
  certificates: Array<CertificateSummary & { kind: string; use: 'signing' | 'encryption' }>;
  /** OIDC: where the signing keys are published, and which keys (stable kids). */
  jwks?: { uri: string; keys: Array<{ kid: string; alg: string; kty: string; kind: string }> };
  /** SAML SP names or OIDC client IDs. */
  relyingParties: string[];
  /** Every URL an SP or RP needs: SAML metadata, SSO, SLO, IdP-initiated; OIDC discovery to end_session. */
  endpoints: ProviderEndpoint[];
}

/**
 * One configured provider, mounted under `/<protocol>/<id>`. Its keys (and an OIDC
 * provider's library instance) are made on first use, so a harness with many providers
 * starts without making any.
 */
export interface MountedProvider {
  id: string;
  protocol: 'saml' | 'oidc';
  config: ProviderConfig;
  displayName: string;
  /** SAML entityID or OIDC issuer. */
  entityId: string;
  /** SAML metadata URL or OIDC discovery URL (known without making keys, unlike `info()`). */
  metadataUrl: string;
  /** Handles every request under the provider's prefix (the dispatcher strips nothing). */
  middleware: Middleware;
  info(): Promise<ProviderInfo>;
  close?(): Promise<void>;
  /** SAML providers: read metadata, add/replace/remove SPs at run time (the UI's SP import). */
  saml?: SamlProviderHandle;
}

export type ProviderFactory<P extends ProviderConfig = ProviderConfig> = (
  id: string,
  config: P,
  context: IdpContext,
) => Promise<MountedProvider>;
