import type { StageContext } from '../../flows.ts';
import type { KeyKindName } from '../../keys/kinds.ts';
import type { DigestAlgorithmName, SignatureAlgorithmName } from '../algorithms.ts';
import type { BindingName } from '../constants.ts';
import type { AuthnRequestInfo } from '../messages.ts';
import type { ServiceProvider } from '../sps/types.ts';

/**
 * The values that flow through the response pipeline, one per stage. Each is plain,
 * JSON-friendly data, so a fault is a pure function from one value to the next
 * (`model => ({ ...model, destination: 'https://elsewhere' })`).
 */

export interface NameIdModel {
  value: string;
  format: string | undefined;
  nameQualifier?: string | undefined;
  spNameQualifier?: string | undefined;
  /**
   * A processing instruction written inside the value, before the character at `offset`
   * (a fault). Canonicalization keeps PIs, so the signature covers it; an SP that reads
   * only the first text node of the NameID sees the value cut short there.
   */
  processingInstruction?: { offset: number; target: string; data: string } | undefined;
}

export interface SubjectConfirmationModel {
  method: string;
  recipient: string | undefined;
  /** undefined for an unsolicited (IdP-initiated) response. */
  inResponseTo: string | undefined;
  notBefore: string | undefined;
  notOnOrAfter: string | undefined;
}

export interface ConditionsModel {
  notBefore: string | undefined;
  notOnOrAfter: string | undefined;
  /** Audiences of one AudienceRestriction; empty omits the restriction. */
  audiences: string[];
}

export interface AuthnStatementModel {
  authnInstant: string;
  sessionIndex: string | undefined;
  sessionNotOnOrAfter: string | undefined;
  classRef: string;
}

export interface AttributeModel {
  name: string;
  nameFormat: string | undefined;
  friendlyName?: string | undefined;
  /** One value is single-valued; several make a multi-valued attribute. */
  values: string[];
}

export interface AssertionModel {
  id: string;
  issueInstant: string;
  /** undefined omits the Issuer (a fault). */
  issuer: string | undefined;
  subject: {
    nameId: NameIdModel | undefined;
    confirmations: SubjectConfirmationModel[];
  };
  conditions: ConditionsModel | undefined;
  authnStatement: AuthnStatementModel | undefined;
  attributes: AttributeModel[];
}

export interface StatusModel {
  code: string;
  /** Second-level status code (AuthnFailed, NoPassive, ...). */
  subCode?: string | undefined;
  message?: string | undefined;
}

/** The Response the IdP is about to send, before it is XML. */
export interface ResponseModel {
  id: string;
  issueInstant: string;
  destination: string | undefined;
  inResponseTo: string | undefined;
  issuer: string | undefined;
  status: StatusModel;
  /** Empty: no assertion (an error status). Several: a multi-assertion response. */
  assertions: AssertionModel[];
}

/** What gets signed, with which key and algorithms, and what KeyInfo says. */
export interface SigningPlan {
  /** Key factory kind that signs: current, next, expired, rogue, weak, sha1, ... */
  keyKind: KeyKindName;
  signatureAlgorithm: SignatureAlgorithmName;
  digestAlgorithm: DigestAlgorithmName;
  /** What carries a ds:Signature. */
  targets: 'none' | 'assertion' | 'response' | 'both';
  /** Certificate placed in KeyInfo: the signing kind's (default), another kind's, or none. */
  keyInfo: { certificateKind: KeyKindName } | 'none';
}

/** How the finished response travels to the SP. */
export interface DeliveryPlan {
  binding: BindingName;
  /** The ACS URL the browser posts to. */
  url: string;
  relayState: string | undefined;
  /** How many times the same response is posted (more than 1 is a replay). */
  posts: number;
  /** The final XML (signed, encrypted) that goes out as SAMLResponse. */
  xml: string;
}

/** The value of each hookable stage, by stage name (the names of `samlStages` in idp/flows.ts). */
export interface SamlStageValues {
  model: ResponseModel;
  sign: SigningPlan;
  /** The signed XML text, before encryption. */
  'post-sign': string;
  deliver: DeliveryPlan;
  /** A LogoutRequest or LogoutResponse the IdP sends an SP (single logout), before it is written. */
  logout: LogoutPlan;
  /** What the IdP metadata publishes (served to every SP: a provider-wide stage). */
  metadata: MetadataPlan;
}

export interface MetadataPlan {
  /** Key kinds whose certificates the metadata lists as signing KeyDescriptors, in order. */
  signingKinds: KeyKindName[];
}

/**
 * What the IdP writes into a logout message it sends, and how it signs it. A field left
 * undefined is left out of the message.
 */
export interface LogoutPlan {
  kind: 'LogoutRequest' | 'LogoutResponse';
  issuer: string | undefined;
  destination: string | undefined;
  /** LogoutResponse: the ID of the LogoutRequest it answers. */
  inResponseTo: string | undefined;
  /** The provider key kind that signs (enveloped over HTTP-POST, the query over HTTP-Redirect); undefined: unsigned. */
  keyKind: KeyKindName | undefined;
}

/**
 * What a SAML stage hook is told besides its value: the SP answered, the request (none
 * for IdP-initiated login), and the values of the stages before it.
 */
export interface SamlStageContext extends StageContext {
  sp: ServiceProvider;
  request: AuthnRequestInfo | undefined;
  /** From `sign` on. */
  model?: ResponseModel | undefined;
  /** From `post-sign` on. */
  plan?: SigningPlan | undefined;
  /**
   * ACS URLs the harness config registers for an SP of a provider, for faults that
   * deliver a response where another connection expects its own.
   */
  acsUrls?: ((providerId: string, spName: string) => string[]) | undefined;
}
