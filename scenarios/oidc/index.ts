import type { ScenarioInput } from '../schema.ts';
import { timingScenarios } from '../timing.ts';
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
import baselineEntraMultiTenant from './baseline-entra-multi-tenant.ts';
import baselineEntraStaff from './baseline-entra-staff.ts';
import baselineGoogle from './baseline-google.ts';
import baselineLogout from './baseline-logout.ts';
import baselineSpInitiated from './baseline-sp-initiated.ts';
import claimsExpMissing from './claims-exp-missing.ts';
import claimsIatMissing from './claims-iat-missing.ts';
import claimsIssMissing from './claims-iss-missing.ts';
import claimsSubMissing from './claims-sub-missing.ts';
import crossSiteFormPost from './cross-site-form-post.ts';
import discoveryIssuerMismatch from './discovery-issuer-mismatch.ts';
import discoveryNoJwksUri from './discovery-no-jwks-uri.ts';
import encryptionJweRsaOaep256 from './encryption-jwe-rsa-oaep-256.ts';
import encryptionJweWrongKey from './encryption-jwe-wrong-key.ts';
import hashAtHashMissing from './hash-at-hash-missing.ts';
import hashAtHashWrong from './hash-at-hash-wrong.ts';
import issWrong from './iss-wrong.ts';
import jwtCritUnknown from './jwt-crit-unknown.ts';
import jwtHeaderJku from './jwt-header-jku.ts';
// JWT header attacks, hash claims, required claims, encryption (issue 12)
import jwtHeaderJwkEmbedded from './jwt-header-jwk-embedded.ts';
import jwtHeaderX5cRogue from './jwt-header-x5c-rogue.ts';
import jwtHeaderX5u from './jwt-header-x5u.ts';
import jwtKidPathTraversal from './jwt-kid-path-traversal.ts';
import jwtKidSqlInjection from './jwt-kid-sql-injection.ts';
import jwtTypAccessToken from './jwt-typ-access-token.ts';
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
import multiTenantIssTidMismatch from './multi-tenant-iss-tid-mismatch.ts';
import multiTenantTenantNotAllowed from './multi-tenant-tenant-not-allowed.ts';
import nonceMissing from './nonce-missing.ts';
import nonceWrong from './nonce-wrong.ts';
import refreshIssChanged from './refresh-iss-changed.ts';
import refreshSameIdentity from './refresh-same-identity.ts';
import refreshSubChanged from './refresh-sub-changed.ts';
import replayCodeFormPost from './replay-code-form-post.ts';
import replayCodeQuery from './replay-code-query.ts';
import signatureAlgNone from './signature-alg-none.ts';
import signatureAlgNoneCapitalizedCase from './signature-alg-none-capitalized-case.ts';
import signatureAlgNoneMixedCase from './signature-alg-none-mixed-case.ts';
import signatureAlgNoneUpperCase from './signature-alg-none-upper-case.ts';
import signatureAlgUnregistered from './signature-alg-unregistered.ts';
import signatureEmpty from './signature-empty.ts';
import signatureHs256ClientSecret from './signature-hs256-client-secret.ts';
import signatureHs256EmptySecret from './signature-hs256-empty-secret.ts';
import signatureHs256PublicKeyJwk from './signature-hs256-public-key-jwk.ts';
import signatureHs256PublicKeyPem from './signature-hs256-public-key-pem.ts';
import signaturePsychicEs256 from './signature-psychic-es256.ts';
import signatureRogueKey from './signature-rogue-key.ts';
import signatureTamperedPayload from './signature-tampered-payload.ts';
import signatureUnknownKid from './signature-unknown-kid.ts';
import stateMissing from './state-missing.ts';
import stateOtherBrowser from './state-other-browser.ts';
import stateWrong from './state-wrong.ts';
import timeIatFarPast from './time-iat-far-past.ts';
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
  crossSiteFormPost,
  stateOtherBrowser,
  baselineEntraMultiTenant,
  multiTenantTenantNotAllowed,
  multiTenantIssTidMismatch,
  replayCodeQuery,
  signatureAlgNone,
  signatureHs256PublicKeyJwk,
  signatureHs256PublicKeyPem,
  signatureRogueKey,
  signatureTamperedPayload,
  signatureUnknownKid,
  stateMissing,
  stateWrong,
  timeIatFarPast,
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
  // JWT header attacks, hash claims, required claims, encryption (issue 12)
  jwtHeaderJwkEmbedded,
  jwtHeaderJku,
  jwtHeaderX5u,
  jwtHeaderX5cRogue,
  jwtKidPathTraversal,
  jwtKidSqlInjection,
  signatureEmpty,
  signaturePsychicEs256,
  signatureHs256ClientSecret,
  signatureHs256EmptySecret,
  signatureAlgUnregistered,
  signatureAlgNoneCapitalizedCase,
  signatureAlgNoneUpperCase,
  signatureAlgNoneMixedCase,
  jwtCritUnknown,
  jwtTypAccessToken,
  hashAtHashWrong,
  hashAtHashMissing,
  claimsIssMissing,
  claimsSubMissing,
  claimsExpMissing,
  claimsIatMissing,
  encryptionJweRsaOaep256,
  encryptionJweWrongKey,
  refreshSameIdentity,
  refreshSubChanged,
  refreshIssChanged,
  // Every time field at every distance, judged against the target's declared clock skew.
  ...timingScenarios('oidc'),
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
