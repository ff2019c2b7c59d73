import type { ScenarioInput } from '../schema.ts';
import { timingScenarios } from '../timing.ts';
import attributesEmailMissing from './attributes-email-missing.ts';
import attributesEmailRenamed from './attributes-email-renamed.ts';
import attributesGroupsMultiValued from './attributes-groups-multi-valued.ts';
import attributesIdpClaimNames from './attributes-idp-claim-names.ts';
import audienceMissing from './audience-missing.ts';
import audienceSeveral from './audience-several.ts';
import audienceWrong from './audience-wrong.ts';
import authnContextWeaker from './authn-context-weaker.ts';
import baselineIdpInitiated from './baseline-idp-initiated.ts';
import baselineSingleLogout from './baseline-single-logout.ts';
import baselineSpInitiated from './baseline-sp-initiated.ts';
import certificatesExpired from './certificates-expired.ts';
import certificatesKeyinfoIgnored from './certificates-keyinfo-ignored.ts';
import certificatesKeyinfoOmitted from './certificates-keyinfo-omitted.ts';
import certificatesKeyinfoRegisteredAndRogue from './certificates-keyinfo-registered-and-rogue.ts';
import certificatesNotYetValid from './certificates-not-yet-valid.ts';
import certificatesRogueKey from './certificates-rogue-key.ts';
import certificatesRolloverMetadata from './certificates-rollover-metadata.ts';
import certificatesRotatedAtIdp from './certificates-rotated-at-idp.ts';
import certificatesSha1Certificate from './certificates-sha1-certificate.ts';
import certificatesSha1Digest from './certificates-sha1-digest.ts';
import certificatesSha1Signature from './certificates-sha1-signature.ts';
import certificatesWeakKey from './certificates-weak-key.ts';
import crossSiteResponsePost from './cross-site-response-post.ts';
import destinationMissing from './destination-missing.ts';
import destinationWrong from './destination-wrong.ts';
import encryptionAes128Cbc from './encryption-aes128-cbc.ts';
import encryptionAes128Gcm from './encryption-aes128-gcm.ts';
import encryptionAes256Cbc from './encryption-aes256-cbc.ts';
import encryptionAes256Gcm from './encryption-aes256-gcm.ts';
import encryptionCbcUnauthenticated from './encryption-cbc-unauthenticated.ts';
import encryptionPlaintext from './encryption-plaintext.ts';
import encryptionRsa15 from './encryption-rsa-1-5.ts';
import encryptionRsaOaepSha256 from './encryption-rsa-oaep-sha256.ts';
import idpInitiatedNotAllowed from './idp-initiated-not-allowed.ts';
import inResponseToMismatch from './in-response-to-mismatch.ts';
import inResponseToMissing from './in-response-to-missing.ts';
import inResponseToUnsolicited from './in-response-to-unsolicited.ts';
import inResponseToWrong from './in-response-to-wrong.ts';
import issuerAssertionMissing from './issuer-assertion-missing.ts';
import issuerAssertionWrong from './issuer-assertion-wrong.ts';
import issuerResponseMissing from './issuer-response-missing.ts';
import issuerUnknown from './issuer-unknown.ts';
import logoutIdpInitiated from './logout-idp-initiated.ts';
import logoutIdpRequestDestinationWrong from './logout-idp-request-destination-wrong.ts';
import logoutIdpRequestIssuerWrong from './logout-idp-request-issuer-wrong.ts';
import logoutIdpRequestUnsigned from './logout-idp-request-unsigned.ts';
import multiCrossProviderAcs from './multi-cross-provider-acs.ts';
import multiDisabledProvider from './multi-disabled-provider.ts';
import recipientMissing from './recipient-missing.ts';
import recipientWrong from './recipient-wrong.ts';
import relayStateMissing from './relay-state-missing.ts';
import relayStateOutside from './relay-state-outside.ts';
import replay from './replay.ts';
import signatureAssertionInvalidInsideSignedResponse from './signature-assertion-invalid-inside-signed-response.ts';
import signatureAssertionOnly from './signature-assertion-only.ts';
import signatureAssertionSignatureOnResponse from './signature-assertion-signature-on-response.ts';
import signatureDigestComment from './signature-digest-comment.ts';
import signatureDuplicateId from './signature-duplicate-id.ts';
import signatureRelocatedIntoSubject from './signature-relocated-into-subject.ts';
import signatureResponseOnly from './signature-response-only.ts';
import signatureSha512 from './signature-sha512.ts';
import signatureSharedId from './signature-shared-id.ts';
import signatureTampered from './signature-tampered.ts';
import signatureTransformXpath from './signature-transform-xpath.ts';
import signatureTransformXslt from './signature-transform-xslt.ts';
import signatureTwoAssertions from './signature-two-assertions.ts';
import signatureUnsigned from './signature-unsigned.ts';
import signatureUnsignedAssertionAfter from './signature-unsigned-assertion-after.ts';
import signatureXsw1 from './signature-xsw1.ts';
import signatureXsw2 from './signature-xsw2.ts';
import signatureXsw3 from './signature-xsw3.ts';
import signatureXsw4 from './signature-xsw4.ts';
import signatureXsw5 from './signature-xsw5.ts';
import signatureXsw6 from './signature-xsw6.ts';
import signatureXsw7 from './signature-xsw7.ts';
import signatureXsw8 from './signature-xsw8.ts';
import statusAuthnFailed from './status-authn-failed.ts';
import statusRequestDenied from './status-request-denied.ts';
import statusRequester from './status-requester.ts';
import statusResponder from './status-responder.ts';
import structureAttributesDuplicated from './structure-attributes-duplicated.ts';
import structureAuthnStatementMissing from './structure-authn-statement-missing.ts';
import structureConditionsMissing from './structure-conditions-missing.ts';
import structureIssueInstantMalformed from './structure-issue-instant-malformed.ts';
import structureIssueInstantMissing from './structure-issue-instant-missing.ts';
import structureIssuersSeveral from './structure-issuers-several.ts';
import structureStatusMissing from './structure-status-missing.ts';
import structureSubjectConfirmationMissing from './structure-subject-confirmation-missing.ts';
import structureSubjectConfirmationNotBearer from './structure-subject-confirmation-not-bearer.ts';
import structureVersionWrong from './structure-version-wrong.ts';
import subjectMissing from './subject-missing.ts';
import subjectNameidChanged from './subject-nameid-changed.ts';
import subjectNameidMissing from './subject-nameid-missing.ts';
import subjectNameidTransient from './subject-nameid-transient.ts';
import timeAdfsIdpClockAhead from './time-adfs-idp-clock-ahead.ts';
import timeIdpClockAhead from './time-idp-clock-ahead.ts';
import timeIdpClockBehind from './time-idp-clock-behind.ts';
import timeIdpClockBehindSmall from './time-idp-clock-behind-small.ts';
import timeIssueInstantOld from './time-issue-instant-old.ts';
import toleranceAttributeNoNameFormat from './tolerance-attribute-no-name-format.ts';
import toleranceAuthnContextStronger from './tolerance-authn-context-stronger.ts';
import toleranceIssuerNoFormat from './tolerance-issuer-no-format.ts';
import toleranceTimeNanoseconds from './tolerance-time-nanoseconds.ts';
import toleranceTimeSevenDigits from './tolerance-time-seven-digits.ts';
import toleranceTimeWholeSeconds from './tolerance-time-whole-seconds.ts';
import usersConnectionBinding from './users-connection-binding.ts';
import usersDeactivatedAtIdp from './users-deactivated-at-idp.ts';
import usersDeactivatedSessionEnds from './users-deactivated-session-ends.ts';
import usersEmailCaseAttribute from './users-email-case-attribute.ts';
import usersEmailCaseSandbox from './users-email-case-sandbox.ts';
import usersEmailOutsideDomain from './users-email-outside-domain.ts';
import usersEmailTakeover from './users-email-takeover.ts';
import usersExternalId from './users-external-id.ts';
import usersGroupsRoles from './users-groups-roles.ts';
import usersJitCreated from './users-jit-created.ts';
import usersSandbox from './users-sandbox.ts';
import usersSecondLoginEmailCase from './users-second-login-email-case.ts';
import usersSecondLoginOtherUser from './users-second-login-other-user.ts';
import usersUnknownInviteOnly from './users-unknown-invite-only.ts';
import xmlCommentInjection from './xml-comment-injection.ts';
import xmlDoctype from './xml-doctype.ts';
import xmlDuplicateAttribute from './xml-duplicate-attribute.ts';
import xmlProcessingInstruction from './xml-processing-instruction.ts';

/** SAML scenarios, one file each. */
export const samlScenarios: ScenarioInput[] = [
  baselineSpInitiated,
  baselineIdpInitiated,
  idpInitiatedNotAllowed,
  signatureSha512,
  baselineSingleLogout,
  certificatesExpired,
  certificatesNotYetValid,
  certificatesRotatedAtIdp,
  certificatesRogueKey,
  certificatesKeyinfoIgnored,
  certificatesKeyinfoOmitted,
  certificatesWeakKey,
  certificatesSha1Signature,
  certificatesSha1Digest,
  certificatesSha1Certificate,
  signatureUnsigned,
  signatureResponseOnly,
  signatureAssertionOnly,
  signatureTampered,
  signatureXsw1,
  signatureXsw2,
  signatureXsw3,
  signatureXsw4,
  signatureXsw5,
  signatureXsw6,
  signatureXsw7,
  signatureXsw8,
  signatureTwoAssertions,
  signatureSharedId,
  // XML signature bypasses of 2024-2025
  signatureRelocatedIntoSubject,
  signatureAssertionSignatureOnResponse,
  signatureDigestComment,
  signatureUnsignedAssertionAfter,
  signatureDuplicateId,
  signatureTransformXslt,
  signatureTransformXpath,
  signatureAssertionInvalidInsideSignedResponse,
  xmlDuplicateAttribute,
  certificatesKeyinfoRegisteredAndRogue,
  xmlCommentInjection,
  xmlProcessingInstruction,
  xmlDoctype,
  destinationWrong,
  destinationMissing,
  recipientWrong,
  recipientMissing,
  audienceWrong,
  audienceMissing,
  audienceSeveral,
  issuerUnknown,
  issuerAssertionWrong,
  issuerAssertionMissing,
  issuerResponseMissing,
  inResponseToWrong,
  inResponseToMissing,
  inResponseToUnsolicited,
  inResponseToMismatch,
  timeIssueInstantOld,
  timeAdfsIdpClockAhead,
  timeIdpClockAhead,
  timeIdpClockBehindSmall,
  timeIdpClockBehind,
  replay,
  statusRequester,
  statusResponder,
  statusAuthnFailed,
  statusRequestDenied,
  subjectMissing,
  subjectNameidMissing,
  subjectNameidTransient,
  subjectNameidChanged,
  attributesEmailMissing,
  attributesIdpClaimNames,
  crossSiteResponsePost,
  attributesGroupsMultiValued,
  attributesEmailRenamed,
  authnContextWeaker,
  usersUnknownInviteOnly,
  usersJitCreated,
  usersEmailCaseAttribute,
  usersEmailCaseSandbox,
  usersExternalId,
  usersSandbox,
  usersSecondLoginEmailCase,
  usersSecondLoginOtherUser,
  usersEmailOutsideDomain,
  usersDeactivatedAtIdp,
  usersEmailTakeover,
  usersConnectionBinding,
  usersGroupsRoles,
  multiCrossProviderAcs,
  multiDisabledProvider,
  relayStateOutside,
  relayStateMissing,
  // Every time field at every distance, judged against the target's declared clock skew.
  ...timingScenarios('saml'),
  structureVersionWrong,
  structureIssueInstantMissing,
  structureIssueInstantMalformed,
  structureStatusMissing,
  structureSubjectConfirmationMissing,
  structureSubjectConfirmationNotBearer,
  structureConditionsMissing,
  structureAuthnStatementMissing,
  structureIssuersSeveral,
  structureAttributesDuplicated,
  toleranceTimeWholeSeconds,
  toleranceTimeSevenDigits,
  toleranceTimeNanoseconds,
  toleranceAttributeNoNameFormat,
  toleranceIssuerNoFormat,
  toleranceAuthnContextStronger,
  encryptionAes256Gcm,
  encryptionAes128Gcm,
  encryptionRsaOaepSha256,
  encryptionAes128Cbc,
  encryptionAes256Cbc,
  encryptionCbcUnauthenticated,
  encryptionRsa15,
  encryptionPlaintext,
  logoutIdpInitiated,
  logoutIdpRequestUnsigned,
  logoutIdpRequestIssuerWrong,
  logoutIdpRequestDestinationWrong,
  usersDeactivatedSessionEnds,
  certificatesRolloverMetadata,
];
