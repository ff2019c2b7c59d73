/**
 * OAuth 2.0 and OpenID Connect error codes (RFC 6749 §4.1.2.1 and §5.2, OIDC Core
 * §3.1.2.6), and the Entra AADSTS codes support sees most, with what they mean and
 * which side acts.
 */
export interface ErrorMeaning {
  meaning: string;
  side: 'idp' | 'sp';
  topic?: 'client-secret' | 'redirect-uri' | 'assignment' | 'client-id' | 'claims';
}

export const oauthErrors: Record<string, ErrorMeaning> = {
  invalid_request: { meaning: 'the request is missing a parameter or has a wrong one', side: 'sp' },
  unauthorized_client: {
    meaning: 'this client may not use this grant or response type',
    side: 'idp',
    topic: 'client-id',
  },
  access_denied: {
    meaning: 'the user or the OP refused (consent declined, user not assigned, policy)',
    side: 'idp',
    topic: 'assignment',
  },
  unsupported_response_type: {
    meaning: 'the OP does not offer this response_type for the client',
    side: 'sp',
  },
  invalid_scope: { meaning: 'a requested scope is unknown or not allowed for the client', side: 'sp' },
  server_error: { meaning: 'the OP failed (an internal error)', side: 'idp' },
  temporarily_unavailable: { meaning: 'the OP is overloaded or in maintenance', side: 'idp' },
  interaction_required: { meaning: 'prompt=none was asked, but the user must interact', side: 'sp' },
  login_required: { meaning: 'prompt=none was asked, but the user has no session at the OP', side: 'sp' },
  consent_required: { meaning: 'prompt=none was asked, but the user must consent first', side: 'sp' },
  invalid_client: {
    meaning: 'the OP does not accept the client credentials (wrong or expired secret, wrong auth method)',
    side: 'sp',
    topic: 'client-secret',
  },
  invalid_grant: {
    meaning:
      'the authorization code is wrong, expired, already used, or was issued for another redirect_uri or PKCE verifier',
    side: 'sp',
  },
  unsupported_grant_type: {
    meaning: 'the OP does not accept this grant type for the client',
    side: 'idp',
    topic: 'client-id',
  },
  invalid_token: { meaning: 'the access token is expired, revoked or not for this resource', side: 'sp' },
};

export const aadstsErrors: Record<string, ErrorMeaning> = {
  AADSTS7000222: {
    meaning: "the client secret has expired: create a new one and update the app's configuration",
    side: 'idp',
    topic: 'client-secret',
  },
  AADSTS7000215: {
    meaning: 'the client secret is wrong (often: the secret ID was used instead of its value)',
    side: 'sp',
    topic: 'client-secret',
  },
  AADSTS50011: {
    meaning: 'the redirect URI does not match one registered for the app',
    side: 'idp',
    topic: 'redirect-uri',
  },
  AADSTS700016: {
    meaning: 'no application with this client ID in the tenant (wrong tenant or app not consented)',
    side: 'sp',
    topic: 'client-id',
  },
  AADSTS50105: { meaning: 'the user is not assigned to the application', side: 'idp', topic: 'assignment' },
  AADSTS54005: { meaning: 'the authorization code was already redeemed', side: 'sp' },
  AADSTS70008: { meaning: 'the authorization code or refresh token has expired', side: 'sp' },
  AADSTS65001: { meaning: 'the user or an admin has not consented to the app', side: 'idp' },
};

/** The meaning of an error code, with the AADSTS code in its description first. */
export function errorMeaning(error: string, description: string | undefined): ErrorMeaning | undefined {
  const aadsts = /AADSTS\d+/.exec(description ?? '')?.[0];
  return (aadsts ? aadstsErrors[aadsts] : undefined) ?? oauthErrors[error];
}
