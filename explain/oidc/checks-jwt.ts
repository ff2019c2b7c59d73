import {
  checkAccessTokenClaims,
  checkAudience,
  checkClaims,
  checkHashes,
  checkIssuer,
  checkLogoutClaims,
  checkNonce,
  checkTimes,
  type TokenRole,
} from './checks-claims.ts';
import { checkKeyAndSignature } from './checks-keys.ts';
import type { DecodedJwt } from './jwt.ts';
import type { OidcCheckInput } from './model.ts';

const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export type { TokenRole } from './checks-claims.ts';

/** What a JWT is for, from its claims and header when the capture does not say. */
export function roleOf(token: DecodedJwt, given: TokenRole | 'unknown'): TokenRole {
  if (given !== 'unknown') return given;
  const events = token.payload.events;
  if (events && typeof events === 'object' && LOGOUT_EVENT in events) return 'logout_token';
  const typ = String(token.header.typ ?? '').toLowerCase();
  if (typ === 'at+jwt' || typ === 'application/at+jwt') return 'access_token';
  if ('client_id' in token.payload && 'scope' in token.payload && !('nonce' in token.payload))
    return 'access_token';
  return 'id_token';
}

/**
 * Every check of a JWT: its alg (none, HS keyed with a public key), kid against the
 * JWKS, the signature, then the claims its role requires (OIDC Core §3.1.3.7 for an
 * id_token, Back-Channel Logout §2.6 for a logout token, RFC 9068 for an access token).
 */
export async function checkJwt(input: OidcCheckInput, token: DecodedJwt, role: TokenRole): Promise<void> {
  await checkKeyAndSignature(input, token, role);
  checkIssuer(input, token);
  if (role === 'access_token') {
    checkAccessTokenClaims(input, token);
  } else {
    checkAudience(input, token);
  }
  checkTimes(input, token, role);
  if (role === 'id_token') {
    checkNonce(input, token);
    checkHashes(input, token);
    checkClaims(input, token);
  }
  if (role === 'logout_token') checkLogoutClaims(input, token);
}
