import type { ScenarioInput } from '../schema.ts';
import attributesEmailMissing from './attributes-email-missing.ts';
import attributesEmailRenamed from './attributes-email-renamed.ts';
import attributesGroupsMultiValued from './attributes-groups-multi-valued.ts';
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
import certificatesNotYetValid from './certificates-not-yet-valid.ts';
import certificatesRogueKey from './certificates-rogue-key.ts';
import certificatesRolloverMetadata from './certificates-rollover-metadata.ts';
import certificatesRotatedAtIdp from './certificates-rotated-at-idp.ts';
import certificatesSha1Certificate from './certificates-sha1-certificate.ts';
import certificatesSha1Digest from './certificates-sha1-digest.ts';
import certificatesSha1Signature from './certificates-sha1-signature.ts';
import certificatesWeakKey from './certificates-weak-key.ts';
import destinationMissing from './destination-missing.ts';
import destinationWrong from './destination-wrong.ts';
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
import signatureAssertionOnly from './signature-assertion-only.ts';
import signatureResponseOnly from './signature-response-only.ts';
import signatureSha512 from './signature-sha512.ts';
import signatureSharedId from './signature-shared-id.ts';
import signatureTampered from './signature-tampered.ts';
import signatureTwoAssertions from './signature-two-assertions.ts';
import signatureUnsigned from './signature-unsigned.ts';
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
import subjectMissing from './subject-missing.ts';
import subjectNameidChanged from './subject-nameid-changed.ts';
import subjectNameidMissing from './subject-nameid-missing.ts';
import subjectNameidTransient from './subject-nameid-transient.ts';
import timeAssertionExpired from './time-assertion-expired.ts';
import timeExpiredWithinSkew from './time-expired-within-skew.ts';
import timeIdpClockAhead from './time-idp-clock-ahead.ts';
import timeIdpClockBehind from './time-idp-clock-behind.ts';
import timeIdpClockBehindSmall from './time-idp-clock-behind-small.ts';
import timeIssueInstantFuture from './time-issue-instant-future.ts';
import timeIssueInstantOld from './time-issue-instant-old.ts';
import timeNotBefore2m from './time-not-before-2m.ts';
import timeNotBefore10m from './time-not-before-10m.ts';
import timeNotBefore30s from './time-not-before-30s.ts';
import timeSessionExpired from './time-session-expired.ts';
import timeSubjectConfirmationExpired from './time-subject-confirmation-expired.ts';
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
  timeAssertionExpired,
  timeExpiredWithinSkew,
  timeNotBefore30s,
  timeNotBefore2m,
  timeNotBefore10m,
  timeSubjectConfirmationExpired,
  timeIssueInstantFuture,
  timeIssueInstantOld,
  timeSessionExpired,
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
  logoutIdpInitiated,
  logoutIdpRequestUnsigned,
  logoutIdpRequestIssuerWrong,
  logoutIdpRequestDestinationWrong,
  usersDeactivatedSessionEnds,
  certificatesRolloverMetadata,
];
