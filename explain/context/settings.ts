import type { JWK } from 'jose';
import type { PersonaName } from '../../config/schema.ts';

/** What the SP expects: from its metadata, from a harness target, or given directly. */
export interface SpSettings {
  /** Where these settings came from, for the report ("SP metadata https://...", "target demo-sp, connection okta"). */
  source: string;
  entityId?: string | undefined;
  /** Assertion Consumer Service URLs, the default first. */
  acsUrls: string[];
  sloUrls: string[];
  /** The SP's own signing certificates (PEM): AuthnRequest and LogoutRequest signatures. */
  signingCertificates: string[];
  /** Metadata WantAssertionsSigned: the Assertion itself must carry a signature. */
  wantAssertionsSigned: boolean;
  /** NameID formats the SP accepts (metadata NameIDFormat); empty: any. */
  nameIdFormats: string[];
  /** Attribute names the SP needs (metadata RequestedAttribute isRequired, or given). */
  requiredAttributes: string[];
  /** OIDC client_id. */
  clientId?: string | undefined;
  redirectUris: string[];
  /** Claims the RP needs in the id_token (given). */
  requiredClaims: string[];
}

/** What the IdP publishes: its metadata, or its OpenID discovery document and JWKS. */
export interface IdpSettings {
  source: string;
  /** SAML entityID or OIDC issuer. */
  entityId?: string | undefined;
  persona?: PersonaName | undefined;
  ssoUrls: string[];
  sloUrls: string[];
  /** Signing certificates (PEM) the SP trusts. */
  signingCertificates: string[];
  /** The OP's public keys. */
  jwks?: { keys: JWK[] } | undefined;
  /** The OP's discovery document, as served. */
  discovery?: Record<string, unknown> | undefined;
  /** What went wrong fetching the JWKS through discovery (a finding, not an input error). */
  jwksProblem?: string | undefined;
}

/** Everything the checks compare a message with. */
export interface ExplainContext {
  sp?: SpSettings | undefined;
  idp?: IdpSettings | undefined;
  /** The SP's private key (PEM): EncryptedAssertion and JWE. */
  decryptionKey?: string | undefined;
  /** The instant given by the user (ms since the epoch), if any. */
  captureTime?: number | undefined;
  clockSkewSeconds: number;
  /** Values of the request the message answers, when the user knows them. */
  expected: { nonce?: string | undefined; state?: string | undefined; inResponseTo?: string | undefined };
  /** Issuers of the harness's own providers and their personas (for naming console settings). */
  knownIssuers: Array<{ entityId: string; persona: PersonaName }>;
  /** The harness target and the connection whose settings these are, when they came from one. */
  harness?: { target: string; connection: string } | undefined;
}

/**
 * What the input says about who sent it, read before it is checked: the Issuers of its SAML
 * messages, the `iss` of its JWTs, the client_id of its authorization requests. A harness
 * target without a named connection is compared through the connection they point to.
 */
export interface SenderHints {
  issuers: string[];
  clientIds: string[];
}

export function emptySp(source: string): SpSettings {
  return {
    source,
    acsUrls: [],
    sloUrls: [],
    signingCertificates: [],
    wantAssertionsSigned: false,
    nameIdFormats: [],
    requiredAttributes: [],
    redirectUris: [],
    requiredClaims: [],
  };
}

export function emptyIdp(source: string): IdpSettings {
  return { source, ssoUrls: [], sloUrls: [], signingCertificates: [] };
}
