import type { DirectoryUser } from '../directory/user.ts';
import type { Flow, OidcStage, StageContext } from '../flows.ts';
import type { KeyKindName } from '../keys/kinds.ts';
import type { OidcRoute } from './routes.ts';

/**
 * The values the OIDC response path hands to a flow's hooks, one per stage, in one
 * place: a fault is a pure transform of one of these. Each stage runs only for requests
 * that belong to a flow; without one the provider answers as the library built it.
 */
export interface OidcStageValues {
  /** The claim set of one user for one use, after the persona's table and the granted scopes. */
  claims: Record<string, unknown>;
  /** An id_token after the library signed it, decoded, with the plan to sign it again. */
  'id-token': IdTokenValue;
  /** The token endpoint's JSON body (a successful one). */
  'token-response': Record<string, unknown>;
  /** The userinfo endpoint's JSON body. */
  userinfo: Record<string, unknown>;
  /** The JWKS document. */
  jwks: { keys: Array<Record<string, unknown>> };
  /** The discovery document. */
  discovery: Record<string, unknown>;
  /** Before the library answers an endpoint: wait, or answer instead of it. */
  endpoint: EndpointValue;
  /** The parameters going back to the client from the authorization endpoint, and how. */
  'authorization-response': AuthorizationResponseValue;
  /**
   * A logout token before the harness signs it and posts it to the client's
   * backchannel_logout_uri (OIDC Back-Channel Logout 1.0 §2.4), with its signing plan.
   */
  'logout-token': IdTokenValue;
  /** The query of the front-channel logout request (Front-Channel Logout 1.0 §2); undefined: left out. */
  'frontchannel-logout': { iss: string | undefined; sid: string | undefined };
}

/** JWS algorithms the harness can sign with (including the broken ones). */
export const signingAlgs = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'HS256',
  'HS384',
  'HS512',
  'none',
] as const;
export type SigningAlg = (typeof signingAlgs)[number];

/** How an id_token is signed. Re-signing happens only when a hook changed the value. */
export interface IdTokenSigning {
  /**
   * The provider key that signs (a key kind of the key factory). For HS* with a
   * public-key secret it is the key whose public half becomes the secret; unused for `none`.
   */
  kind: KeyKindName;
  /** Written into the header and used to sign. */
  alg: SigningAlg;
  /** The `kid` header as given (it does not follow `kind`); undefined leaves it out. */
  kid: string | undefined;
  /**
   * HS* only: what keys the HMAC. `client-secret` is the legitimate choice;
   * `public-key-pem` and `public-key-jwk` are the algorithm-confusion attack (the RS256
   * key's public half, as an SP that trusts the header's alg would load it).
   */
  hmacSecret?: HmacSecretSource | undefined;
  /** HS* with `hmacSecret: 'literal'`: the secret, as UTF-8 text ('' is the empty secret). */
  hmacLiteral?: string | undefined;
  /**
   * Names the signing key in the header, so that an SP that trusts the header finds it
   * (RFC 7515 §4.1.2-4.1.6): `jwk` embeds its public JWK, `jku` / `x5u` point at a JWKS /
   * certificate the provider serves (see header-keys.ts), `x5c` carries its certificate.
   */
  headerKey?: HeaderKeyMember | undefined;
  /** The header's `alg` when it is not the algorithm that signed: an unregistered one, "None". */
  headerAlg?: string | undefined;
  /** Replaces the signature: `empty` (header.payload.), or ECDSA r = s = 0 (CVE-2022-21449). */
  signatureBytes?: 'empty' | 'ecdsa-zero' | undefined;
  /**
   * Keeps the signature the library made although the header or payload changed: a
   * tampered token. `kind`, `alg`, `kid` and `hmacSecret` are then not used; the header
   * goes out as the value holds it.
   */
  reuseSignature?: boolean | undefined;
}

/** What keys an HS* signature: see IdTokenSigning.hmacSecret. */
export type HmacSecretSource = 'client-secret' | 'public-key-pem' | 'public-key-jwk' | 'literal';

/** Header members that can name the signing key (RFC 7515 §4.1.2-4.1.6). */
export const headerKeyMembers = ['jwk', 'jku', 'x5u', 'x5c'] as const;
export type HeaderKeyMember = (typeof headerKeyMembers)[number];

/** Content encryption of an id_token as a JWE (RFC 7516), to the client's key or another. */
export interface IdTokenEncryption {
  /** `client`: the key the client publishes at its jwks_uri; `other`: a key the client does not have. */
  to: 'client' | 'other';
  alg: 'RSA-OAEP-256' | 'RSA-OAEP';
  enc: 'A256GCM' | 'A128GCM' | 'A128CBC-HS256' | 'A256CBC-HS512';
}

/** A provider key's public JWK (with kid, alg, use), for faults that publish or name keys. */
export type PublicJwk = Record<string, unknown> & { kid: string };
export type PublicJwkLookup = (kind: KeyKindName) => Promise<PublicJwk>;

export interface IdTokenValue {
  /** JOSE header; `alg` and `kid` are rewritten from `signing` when re-signed. */
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signing: IdTokenSigning;
  /** Sent as a nested JWT (signed, then encrypted: OIDC Core §10.2) when set. */
  encryption?: IdTokenEncryption | undefined;
}

export interface EndpointAnswer {
  status: number;
  /** JSON body (an object) or HTML/text (a string). */
  body: Record<string, unknown> | string;
  headers?: Record<string, string> | undefined;
}

export interface EndpointValue {
  route: OidcRoute;
  method: string;
  /** Milliseconds to wait before anything else happens. */
  delayMs: number;
  /** Set to answer instead of the library; undefined lets the library answer. */
  answer: EndpointAnswer | undefined;
  /**
   * Lets the library answer, then changes that answer: another HTTP status, and members
   * added to its JSON body (an error answer that still carries what a success would).
   */
  amend?: { status?: number | undefined; body?: Record<string, unknown> | undefined } | undefined;
}

export interface AuthorizationResponseValue {
  /** Where the browser is sent (the registered redirect_uri, unless a fault moves it). */
  redirectUri: string;
  responseMode: 'query' | 'fragment' | 'form_post';
  /** code, state, iss, id_token, access_token, ... as strings. */
  params: Record<string, string>;
}

/** What each stage's hook may know besides its value. */
export interface OidcStageContexts {
  claims: StageContext & {
    use: 'id_token' | 'userinfo';
    clientId: string | undefined;
    scope: string;
    user: DirectoryUser;
  };
  'id-token': StageContext & {
    clientId: string | undefined;
    issuer: string;
    route: OidcRoute;
    /** The token request's grant_type (`authorization_code`, `refresh_token`); undefined on the front channel. */
    grantType: string | undefined;
    /** The public JWK of one of this provider's key kinds (to name a key by its kid). */
    publicJwk: PublicJwkLookup;
  };
  'token-response': StageContext & { clientId: string | undefined; grantType: string | undefined };
  userinfo: StageContext & { clientId: string | undefined };
  jwks: StageContext & { issuer: string; publicJwk: PublicJwkLookup };
  discovery: StageContext & { issuer: string };
  endpoint: StageContext & {
    issuer: string;
    /** The client the request names, when it names one (query, form or Basic credentials). */
    clientId: string | undefined;
    /** This persona's answer to a client whose secret has expired (e.g. Entra's AADSTS7000222). */
    expiredSecretError(clientId: string): EndpointAnswer;
  };
  'authorization-response': StageContext & { clientId: string | undefined; issuer: string };
  'logout-token': StageContext & { clientId: string; issuer: string; publicJwk: PublicJwkLookup };
  'frontchannel-logout': StageContext & { clientId: string; issuer: string };
}

// Fails to compile when a stage of flows.ts has no value type here.
type StageCoverage = { [S in OidcStage]: [OidcStageValues[S], OidcStageContexts[S]] };
export type OidcStageValue<S extends OidcStage> = StageCoverage[S][0];

/**
 * Runs one stage of a flow's hooks, typed by stage. Without a flow, or when the flow
 * has nothing for this stage, the value comes back as it went in (no copy, no work).
 */
export async function applyOidcStage<S extends OidcStage>(
  flow: Flow | undefined,
  stage: S,
  value: OidcStageValues[S],
  context: Omit<OidcStageContexts[S], 'flowId'>,
): Promise<OidcStageValues[S]> {
  if (!flow?.hooks.has('oidc', stage)) return value;
  const stageContext = { ...context, flowId: flow.id } as unknown as StageContext;
  return flow.hooks.apply('oidc', stage, value, stageContext);
}

/** Whether a flow has hooks at a stage (callers skip work when it has none). */
export function hasOidcStage(flow: Flow | undefined, stage: OidcStage): boolean {
  return Boolean(flow?.hooks.has('oidc', stage));
}
