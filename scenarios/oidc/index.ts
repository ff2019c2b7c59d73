import type { ScenarioInput } from '../schema.ts';
import audExtraUntrusted from './aud-extra-untrusted.ts';
import audMissing from './aud-missing.ts';
import audOneElementArray from './aud-one-element-array.ts';
import audWrong from './aud-wrong.ts';
import authResponseIssMissing from './auth-response-iss-missing.ts';
import authResponseIssWrong from './auth-response-iss-wrong.ts';
import authorizationAccessDenied from './authorization-access-denied.ts';
import azpOtherClient from './azp-other-client.ts';
import baselineAuth0 from './baseline-auth0.ts';
import baselineEntraContractors from './baseline-entra-contractors.ts';
import baselineEntraStaff from './baseline-entra-staff.ts';
import baselineGoogle from './baseline-google.ts';
import baselineLogout from './baseline-logout.ts';
import baselineSpInitiated from './baseline-sp-initiated.ts';
import discoveryIssuerMismatch from './discovery-issuer-mismatch.ts';
import discoveryNoJwksUri from './discovery-no-jwks-uri.ts';
import issWrong from './iss-wrong.ts';
import keysJwksEmpty from './keys-jwks-empty.ts';
import keysJwksExtraKeys from './keys-jwks-extra-keys.ts';
import keysKidAbsentSeveralKeys from './keys-kid-absent-several-keys.ts';
import keysKidAbsentSingleKey from './keys-kid-absent-single-key.ts';
import keysRetiredKey from './keys-retired-key.ts';
import keysRotationAfterCache from './keys-rotation-after-cache.ts';
import keysRotationBothKeys from './keys-rotation-both-keys.ts';
import keysRotationOnlyNext from './keys-rotation-only-next.ts';
import logoutBackchannel from './logout-backchannel.ts';
import logoutBackchannelAlgNone from './logout-backchannel-alg-none.ts';
import logoutBackchannelAudWrong from './logout-backchannel-aud-wrong.ts';
import logoutBackchannelEventsMissing from './logout-backchannel-events-missing.ts';
import logoutBackchannelEventsWrong from './logout-backchannel-events-wrong.ts';
import logoutBackchannelExpired from './logout-backchannel-expired.ts';
import logoutBackchannelIatMissing from './logout-backchannel-iat-missing.ts';
import logoutBackchannelIssWrong from './logout-backchannel-iss-wrong.ts';
import logoutBackchannelJtiMissing from './logout-backchannel-jti-missing.ts';
import logoutBackchannelNoSidNoSub from './logout-backchannel-no-sid-no-sub.ts';
import logoutBackchannelNonce from './logout-backchannel-nonce.ts';
import logoutBackchannelSignatureHs256 from './logout-backchannel-signature-hs256.ts';
import logoutBackchannelSignatureRogueKey from './logout-backchannel-signature-rogue-key.ts';
import logoutBackchannelSignatureTampered from './logout-backchannel-signature-tampered.ts';
import logoutFrontchannel from './logout-frontchannel.ts';
import logoutFrontchannelIssWrong from './logout-frontchannel-iss-wrong.ts';
import logoutFrontchannelSidWrong from './logout-frontchannel-sid-wrong.ts';
import multiStaffViaContractors from './multi-staff-via-contractors.ts';
import nonceMissing from './nonce-missing.ts';
import nonceWrong from './nonce-wrong.ts';
import replayCodeFormPost from './replay-code-form-post.ts';
import replayCodeQuery from './replay-code-query.ts';
import signatureAlgNone from './signature-alg-none.ts';
import signatureHs256PublicKeyJwk from './signature-hs256-public-key-jwk.ts';
import signatureHs256PublicKeyPem from './signature-hs256-public-key-pem.ts';
import signatureRogueKey from './signature-rogue-key.ts';
import signatureTamperedPayload from './signature-tampered-payload.ts';
import signatureUnknownKid from './signature-unknown-kid.ts';
import stateMissing from './state-missing.ts';
import stateWrong from './state-wrong.ts';
import timeExpPassed from './time-exp-passed.ts';
import timeExpWithinSkew from './time-exp-within-skew.ts';
import timeIatFarPast from './time-iat-far-past.ts';
import timeIatFuture from './time-iat-future.ts';
import timeNbfFuture from './time-nbf-future.ts';
import tokenBearerLowercase from './token-bearer-lowercase.ts';
import tokenExpiredClientSecret from './token-expired-client-secret.ts';
import tokenExtraFields from './token-extra-fields.ts';
import tokenInvalidGrant from './token-invalid-grant.ts';
import tokenNoIdToken from './token-no-id-token.ts';
import tokenServerError from './token-server-error.ts';
import tokenSlow from './token-slow.ts';
import userinfoError from './userinfo-error.ts';
import userinfoSubMismatch from './userinfo-sub-mismatch.ts';
import usersEmailChangedSameSubject from './users-email-changed-same-subject.ts';
import usersEmailTakeoverNewSubject from './users-email-takeover-new-subject.ts';
import usersEmailUnverifiedAuth0 from './users-email-unverified-auth0.ts';
import usersEmailUnverifiedGoogle from './users-email-unverified-google.ts';
import usersForeignTenant from './users-foreign-tenant.ts';
import usersGoogleHdForeign from './users-google-hd-foreign.ts';
import usersGoogleHdMissing from './users-google-hd-missing.ts';
import usersGroupRoles from './users-group-roles.ts';
import usersGroupsOverage from './users-groups-overage.ts';
import usersJitNewContractor from './users-jit-new-contractor.ts';
import usersUnknownRefused from './users-unknown-refused.ts';

/** OIDC scenarios, one file each. */
export const oidcScenarios: ScenarioInput[] = [
  audExtraUntrusted,
  audMissing,
  audOneElementArray,
  audWrong,
  authResponseIssMissing,
  authResponseIssWrong,
  authorizationAccessDenied,
  azpOtherClient,
  baselineAuth0,
  baselineEntraContractors,
  baselineEntraStaff,
  baselineGoogle,
  baselineLogout,
  baselineSpInitiated,
  discoveryIssuerMismatch,
  discoveryNoJwksUri,
  issWrong,
  keysJwksEmpty,
  keysJwksExtraKeys,
  keysKidAbsentSeveralKeys,
  keysKidAbsentSingleKey,
  keysRetiredKey,
  keysRotationBothKeys,
  keysRotationOnlyNext,
  multiStaffViaContractors,
  nonceMissing,
  nonceWrong,
  replayCodeFormPost,
  replayCodeQuery,
  signatureAlgNone,
  signatureHs256PublicKeyJwk,
  signatureHs256PublicKeyPem,
  signatureRogueKey,
  signatureTamperedPayload,
  signatureUnknownKid,
  stateMissing,
  stateWrong,
  timeExpPassed,
  timeExpWithinSkew,
  timeIatFarPast,
  timeIatFuture,
  timeNbfFuture,
  tokenBearerLowercase,
  tokenExpiredClientSecret,
  tokenExtraFields,
  tokenInvalidGrant,
  tokenNoIdToken,
  tokenServerError,
  tokenSlow,
  userinfoError,
  userinfoSubMismatch,
  usersEmailChangedSameSubject,
  usersEmailTakeoverNewSubject,
  usersEmailUnverifiedAuth0,
  usersEmailUnverifiedGoogle,
  usersForeignTenant,
  usersGoogleHdForeign,
  usersGoogleHdMissing,
  usersGroupRoles,
  usersGroupsOverage,
  usersJitNewContractor,
  usersUnknownRefused,
  keysRotationAfterCache,
  logoutBackchannel,
  logoutBackchannelEventsMissing,
  logoutBackchannelEventsWrong,
  logoutBackchannelNonce,
  logoutBackchannelAudWrong,
  logoutBackchannelIssWrong,
  logoutBackchannelSignatureTampered,
  logoutBackchannelSignatureRogueKey,
  logoutBackchannelSignatureHs256,
  logoutBackchannelAlgNone,
  logoutBackchannelNoSidNoSub,
  logoutBackchannelIatMissing,
  logoutBackchannelJtiMissing,
  logoutBackchannelExpired,
  logoutFrontchannel,
  logoutFrontchannelIssWrong,
  logoutFrontchannelSidWrong,
];
