import type { StageContext } from '../../flows.ts';
import type { KeyKindName } from '../../keys/kinds.ts';
import type {
  DigestAlgorithmName,
  EncryptionAlgorithmName,
  KeyTransportAlgorithmName,
  SignatureAlgorithmName,
} from '../algorithms.ts';
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
  /** Further Issuer elements after the first (a fault: the schema allows exactly one). */
  moreIssuers?: string[] | undefined;
  /** The Issuer's Format: absent writes the entity format, null leaves the attribute out (Core §2.2.5: entity is then in effect). */
  issuerFormat?: string | null | undefined;
  /** XML attributes written over the model's own (null leaves one out); see `RawAttributes`. */
  rawAttributes?: RawAttributes | undefined;
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

/**
 * Attribute values of the Response or Assertion element written as given, over the
 * model's own: for faults that write what the model's types cannot hold (Version "1.1",
 * an IssueInstant that is not an xs:dateTime). null leaves the attribute out.
 */
export type RawAttributes = Readonly<Record<string, string | null>>;

/** The Response the IdP is about to send, before it is XML. */
export interface ResponseModel {
  id: string;
  issueInstant: string;
  destination: string | undefined;
  inResponseTo: string | undefined;
  issuer: string | undefined;
  /** Further Issuer elements after the first (a fault: the schema allows at most one). */
  moreIssuers?: string[] | undefined;
  /** The Issuer's Format: absent writes the entity format, null leaves the attribute out. */
  issuerFormat?: string | null | undefined;
  /** XML attributes written over the model's own (null leaves one out). */
  rawAttributes?: RawAttributes | undefined;
  /** undefined omits the Status (a fault: Core §3.2.2 requires it). */
  status: StatusModel | undefined;
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
  /**
   * Certificate placed in KeyInfo: the signing kind's (default), another kind's, or none;
   * `alsoKinds` adds more X509Certificate elements after it (a fault).
   */
  keyInfo: { certificateKind: KeyKindName; alsoKinds?: KeyKindName[] | undefined } | 'none';
  /**
   * A Transform SAML does not allow, written into each Reference before exclusive c14n (a
   * fault). The digest is computed without it: its content leaves the element unchanged.
   */
  extraTransform?: ExtraTransformName | undefined;
  /**
   * The assertions' SignatureValue is spoiled before the Response is signed (a fault), so a
   * valid Response signature covers assertions whose own signatures do not verify.
   */
  spoilAssertionSignatures?: boolean | undefined;
}

/**
 * Whether and how the assertions are encrypted (XML Encryption 1.1) after the post-sign
 * stage. A correct IdP encrypts when the SP asks for it (encryptAssertion and an
 * encryption certificate), to the SP's certificate, with RSA-OAEP and the SP's content
 * algorithm.
 */
export interface EncryptionPlan {
  /** false sends the assertions in plaintext. */
  encrypt: boolean;
  /** Whose public key wraps the content key: the SP's encryption certificate, or one of the IdP's key kinds (a fault). */
  recipient: 'sp' | { keyKind: KeyKindName };
  keyTransport: KeyTransportAlgorithmName;
  data: EncryptionAlgorithmName;
}

/** Transforms outside SAML's profile of XML Signature (SAML 2.0 Core §5.4.4). */
export type ExtraTransformName = 'xslt' | 'xpath-filter';

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
  /** The response XML text before it is signed (what the signatures will cover). */
  'pre-sign': string;
  /** The signed XML text, before encryption. */
  'post-sign': string;
  encrypt: EncryptionPlan;
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
  /** From `pre-sign` on. */
  plan?: SigningPlan | undefined;
  /**
   * ACS URLs the harness config registers for an SP of a provider, for faults that
   * deliver a response where another connection expects its own.
   */
  acsUrls?: ((providerId: string, spName: string) => string[]) | undefined;
}
