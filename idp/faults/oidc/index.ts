import type { AnyFault } from '../types.ts';
import authorizationResponseError from './authorization-response/error.ts';
import authorizationResponseIss from './authorization-response/iss.ts';
import authorizationResponseState from './authorization-response/state.ts';
import claimsGroupsOverage from './claims/groups-overage.ts';
import claimsIdentity from './claims/identity.ts';
import claimsRemove from './claims/remove.ts';
import claimsSet from './claims/set.ts';
import discoveryEndpoints from './discovery/endpoints.ts';
import discoveryIssuer from './discovery/issuer.ts';
import discoveryRemove from './discovery/remove.ts';
import endpointAnswer from './endpoint/answer.ts';
import endpointError from './endpoint/error.ts';
import endpointExpiredSecret from './endpoint/expired-secret.ts';
import endpointSlow from './endpoint/slow.ts';
import frontchannelLogoutIss from './frontchannel-logout/iss.ts';
import frontchannelLogoutSid from './frontchannel-logout/sid.ts';
import idTokenAlgNone from './id-token/alg-none.ts';
import idTokenAudience from './id-token/audience.ts';
import idTokenAuthTime from './id-token/auth-time.ts';
import idTokenAzp from './id-token/azp.ts';
import idTokenClaims from './id-token/claims.ts';
import idTokenEncrypt from './id-token/encrypt.ts';
import idTokenExpired from './id-token/expired.ts';
import idTokenForgedSignature from './id-token/forged-signature.ts';
import idTokenHashClaims from './id-token/hash-claims.ts';
import idTokenHeader from './id-token/header.ts';
import idTokenHeaderKey from './id-token/header-key.ts';
import idTokenHmacPublicKey from './id-token/hmac-public-key.ts';
import idTokenHmacSecret from './id-token/hmac-secret.ts';
import idTokenIssuedAt from './id-token/issued-at.ts';
import idTokenIssuer from './id-token/issuer.ts';
import idTokenKey from './id-token/key.ts';
import idTokenKid from './id-token/kid.ts';
import idTokenKidInjection from './id-token/kid-injection.ts';
import idTokenNonce from './id-token/nonce.ts';
import idTokenNotBefore from './id-token/not-before.ts';
import idTokenRefreshClaims from './id-token/refresh-claims.ts';
import idTokenSubject from './id-token/subject.ts';
import idTokenTamper from './id-token/tamper.ts';
import idTokenTenant from './id-token/tenant.ts';
import jwksAddKeys from './jwks/add-keys.ts';
import jwksEmpty from './jwks/empty.ts';
import jwksPublish from './jwks/publish.ts';
import jwksRemoveKid from './jwks/remove-kid.ts';
import jwksRotate from './jwks/rotate.ts';
import logoutTokenClaims from './logout-token/claims.ts';
import logoutTokenSignature from './logout-token/signature.ts';
import tokenResponseRemove from './token-response/remove.ts';
import tokenResponseSet from './token-response/set.ts';
import userinfoSet from './userinfo/set.ts';

/** OIDC faults, one file each, grouped by stage. */
export const oidcFaults: AnyFault[] = [
  // claims
  claimsGroupsOverage,
  claimsIdentity,
  claimsRemove,
  claimsSet,
  // id-token
  idTokenAlgNone,
  idTokenAudience,
  idTokenAuthTime,
  idTokenAzp,
  idTokenClaims,
  idTokenEncrypt,
  idTokenExpired,
  idTokenForgedSignature,
  idTokenHashClaims,
  idTokenHeader,
  idTokenHeaderKey,
  idTokenHmacSecret,
  idTokenHmacPublicKey,
  idTokenIssuedAt,
  idTokenIssuer,
  idTokenTenant,
  idTokenKey,
  idTokenKid,
  idTokenKidInjection,
  idTokenNonce,
  idTokenNotBefore,
  idTokenRefreshClaims,
  idTokenSubject,
  idTokenTamper,
  // token-response
  tokenResponseRemove,
  tokenResponseSet,
  // userinfo
  userinfoSet,
  // jwks
  jwksAddKeys,
  jwksEmpty,
  jwksPublish,
  jwksRemoveKid,
  jwksRotate,
  // logout-token
  logoutTokenClaims,
  logoutTokenSignature,
  // frontchannel-logout
  frontchannelLogoutIss,
  frontchannelLogoutSid,
  // discovery
  discoveryEndpoints,
  discoveryIssuer,
  discoveryRemove,
  // endpoint
  endpointAnswer,
  endpointError,
  endpointExpiredSecret,
  endpointSlow,
  // authorization-response
  authorizationResponseError,
  authorizationResponseIss,
  authorizationResponseState,
];
