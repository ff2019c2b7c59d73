import type { AnyFault } from '../types.ts';
import acsUrl from './deliver/acs-url.ts';
import posts from './deliver/posts.ts';
import relayState from './deliver/relay-state.ts';
import encryptionAlgorithms from './encrypt/algorithms.ts';
import encryptionSkipped from './encrypt/plaintext.ts';
import encryptionCertificate from './encrypt/recipient.ts';
import logoutDestination from './logout/destination.ts';
import logoutInResponseTo from './logout/in-response-to.ts';
import logoutIssuer from './logout/issuer.ts';
import logoutSigningKey from './logout/signing-key.ts';
import logoutUnsigned from './logout/unsigned.ts';
import metadataCertificates from './metadata/certificates.ts';
import assertionExpired from './model/assertion-expired.ts';
import attribute from './model/attribute.ts';
import attributeDuplicated from './model/attribute-duplicated.ts';
import attributeNameFormat from './model/attribute-name-format.ts';
import audience from './model/audience.ts';
import authnContext from './model/authn-context.ts';
import clockSkew from './model/clock-skew.ts';
import destination from './model/destination.ts';
import elementMissing from './model/element-missing.ts';
import identity from './model/identity.ts';
import ids from './model/ids.ts';
import inResponseTo from './model/in-response-to.ts';
import issueInstant from './model/issue-instant.ts';
import issueInstantMalformed from './model/issue-instant-malformed.ts';
import issuer from './model/issuer.ts';
import issuerFormat from './model/issuer-format.ts';
import issuersSeveral from './model/issuers-several.ts';
import nameId from './model/nameid.ts';
import nameIdProcessingInstruction from './model/nameid-processing-instruction.ts';
import notBeforeFuture from './model/not-before-future.ts';
import recipient from './model/recipient.ts';
import sessionExpired from './model/session-expired.ts';
import sessionLifetime from './model/session-lifetime.ts';
import status from './model/status.ts';
import subjectConfirmationExpired from './model/subject-confirmation-expired.ts';
import subjectConfirmationMethod from './model/subject-confirmation-method.ts';
import subjectMissing from './model/subject-missing.ts';
import timePrecision from './model/time-precision.ts';
import version from './model/version.ts';
import commentInjection from './post-sign/comment-injection.ts';
import digestComment from './post-sign/digest-comment.ts';
import doctype from './post-sign/doctype.ts';
import duplicateAttribute from './post-sign/duplicate-attribute.ts';
import extraAssertion from './post-sign/extra-assertion.ts';
import signatureWrapping from './post-sign/signature-wrapping.ts';
import tamper from './post-sign/tamper.ts';
import xmlEdit from './post-sign/xml-edit.ts';
import xmlEditBeforeSigning from './pre-sign/xml-edit-before-signing.ts';
import assertionSignatureInvalid from './sign/assertion-signature-invalid.ts';
import digestAlgorithm from './sign/digest-algorithm.ts';
import keyInfo from './sign/key-info.ts';
import signatureAlgorithm from './sign/signature-algorithm.ts';
import signatureTransform from './sign/signature-transform.ts';
import signedParts from './sign/signed-parts.ts';
import signingKey from './sign/signing-key.ts';

/** SAML faults, one file each, grouped by stage: model -> sign -> pre-sign -> post-sign -> encrypt -> deliver. */
export const samlFaults: AnyFault[] = [
  // model: times
  assertionExpired,
  notBeforeFuture,
  subjectConfirmationExpired,
  issueInstant,
  sessionExpired,
  sessionLifetime,
  clockSkew,
  // model: where the response is for, who sent it, what it answers
  audience,
  destination,
  recipient,
  issuer,
  inResponseTo,
  ids,
  // model: who and what it asserts
  nameId,
  nameIdProcessingInstruction,
  subjectMissing,
  attribute,
  identity,
  authnContext,
  status,
  // model: structure a strict SP refuses, and variants it must tolerate
  version,
  issueInstantMalformed,
  elementMissing,
  subjectConfirmationMethod,
  issuersSeveral,
  issuerFormat,
  attributeDuplicated,
  attributeNameFormat,
  timePrecision,
  // sign
  signingKey,
  keyInfo,
  signatureAlgorithm,
  digestAlgorithm,
  signedParts,
  signatureTransform,
  assertionSignatureInvalid,
  // pre-sign
  xmlEditBeforeSigning,
  // post-sign
  tamper,
  signatureWrapping,
  extraAssertion,
  commentInjection,
  doctype,
  xmlEdit,
  digestComment,
  duplicateAttribute,
  // encrypt
  encryptionAlgorithms,
  encryptionSkipped,
  encryptionCertificate,
  // deliver
  acsUrl,
  posts,
  relayState,
  // logout (the LogoutRequest / LogoutResponse the IdP sends)
  logoutUnsigned,
  logoutSigningKey,
  logoutIssuer,
  logoutDestination,
  logoutInResponseTo,
  // metadata (provider-wide)
  metadataCertificates,
];
