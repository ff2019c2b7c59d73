import type { PersonaName } from '../../config/schema.ts';

/**
 * Why an IdP refuses an SP's sign-in request before anyone signs in:
 * - `unknown-client`: the OIDC client_id is not registered;
 * - `redirect-uri-mismatch`: the OIDC redirect_uri is not one of the client's;
 * - `unknown-sp`: the SAML Issuer names no registered SP (relying party, application);
 * - `acs-mismatch`: the SAML AssertionConsumerServiceURL (or index) is not the SP's.
 */
export type RefusalKind = 'unknown-client' | 'redirect-uri-mismatch' | 'unknown-sp' | 'acs-mismatch';

/** One refusal as a persona's error page shows it (the wording is ours; the codes are the IdP's). */
export interface RefusalLook {
  /** HTTP status of the page. */
  status: number;
  /** The IdP's own error code, shown the way the IdP shows it (AADSTS50011, redirect_uri_mismatch, MSIS7007). */
  code: string;
  /** The page's headline. */
  headline: string;
  /** The IdP's explanation, in our words; the harness's precise reason is shown under it. */
  says: string;
}

/** How a persona's error pages are laid out: the brand line and the label before the code. */
export interface RefusalStyle {
  brand: string;
  /** The label before the code ("Error code", "Error 400:"). */
  codeLabel: string;
  /** Whether the HTTP status follows the label ("Error 400: redirect_uri_mismatch"). */
  statusInLabel?: boolean;
  /** A reference line real pages show (a request or activity id), made up per request. */
  reference: string;
  looks: Record<RefusalKind, RefusalLook>;
}

/**
 * The refusal pages of each persona, read by `idp/refusals/page.ts`. The codes are the IdPs'
 * own where they document one (a source comment per code says where); the wording is ours.
 */
export const refusalStyles: Record<PersonaName, RefusalStyle> = {
  generic: {
    brand: 'Sign-in error',
    codeLabel: 'Error code',
    reference: 'Request id',
    looks: {
      'unknown-client': {
        status: 400,
        code: 'invalid_client',
        headline: 'Unknown application',
        says: 'The application that sent you here is not registered with this identity provider.',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'invalid_redirect_uri',
        headline: 'Redirect URI not allowed',
        says: 'The address the application wants the answer sent to is not one registered for it.',
      },
      'unknown-sp': {
        status: 403,
        code: 'UNKNOWN_SP',
        headline: 'Unknown service provider',
        says: 'The service provider that sent this request is not registered with this identity provider.',
      },
      'acs-mismatch': {
        status: 400,
        code: 'ACS_NOT_REGISTERED',
        headline: 'Assertion consumer service not allowed',
        says: 'The address the service provider wants the assertion posted to is not registered for it.',
      },
    },
  },
  entra: {
    brand: 'Microsoft',
    codeLabel: 'Error code',
    reference: 'Correlation ID',
    looks: {
      'unknown-client': {
        status: 400,
        code: 'AADSTS700016',
        headline: "Sorry, but we're having trouble signing you in.",
        says: 'No application with this identifier was found in the directory. The application may not be installed by the tenant administrator, or it was sent to the wrong tenant.',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'AADSTS50011',
        headline: "Sorry, but we're having trouble signing you in.",
        says: 'The redirect URI in the request does not match any redirect URI configured for the application. Make sure the request sends one that is registered on the app.',
      },
      'unknown-sp': {
        status: 400,
        code: 'AADSTS700016',
        headline: "Sorry, but we're having trouble signing you in.",
        says: 'No application with this identifier (the SAML Issuer) was found in the directory. The enterprise application may be missing, or its Identifier (Entity ID) differs.',
      },
      'acs-mismatch': {
        status: 400,
        code: 'AADSTS50011',
        headline: "Sorry, but we're having trouble signing you in.",
        says: 'The reply URL in the request does not match any reply URL configured for the application. Make sure the AssertionConsumerServiceURL is one of the Reply URLs in its SAML settings.',
      },
    },
  },
  google: {
    brand: 'Google',
    codeLabel: 'Error',
    statusInLabel: true,
    reference: 'Request details',
    looks: {
      'unknown-client': {
        status: 401,
        code: 'invalid_client',
        headline: 'Access blocked: authorization error',
        says: 'No OAuth client with this ID exists. The developer of the app needs to check its client ID.',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'redirect_uri_mismatch',
        headline: "Access blocked: this app's request is invalid",
        says: "The app sent a redirect URI that does not follow Google's rules for it: it is not registered for this OAuth client. The developer must register it.",
      },
      'unknown-sp': {
        status: 403,
        code: 'app_not_configured_for_user',
        headline: "That's an error.",
        says: 'This service is not set up for this user: no SAML app with this entity ID is configured in the organisation.',
      },
      'acs-mismatch': {
        status: 400,
        code: 'app_not_configured_for_user',
        headline: "That's an error.",
        says: 'This service is not set up for this user: the SAML app found does not accept assertions at the requested ACS URL.',
      },
    },
  },
  okta: {
    brand: 'Okta',
    codeLabel: 'Error Code',
    reference: 'Error ID',
    looks: {
      // Source: Okta support, "Invalid_Client Error Returned When Requesting OAuth Token(s)"
      // (support.okta.com/help/s/article/invalid-client-error-returned-during-client-authentication-failure):
      // errorCode invalid_client, "Invalid value for 'client_id' parameter."
      'unknown-client': {
        status: 400,
        code: 'invalid_client',
        headline: '400 Bad Request',
        says: "The 'client_id' of the request is not the client ID of any application in this org.",
      },
      // Source: Okta support, "Okta Error 400 Bad Request: The 'redirect_uri' parameter must be a
      // Login redirect URI in the client app settings" (support.okta.com/help/s/article/okta-error-400-
      // bad-request-the-redirect-uri-parameter-must-be-a-login-redirect-uri-in-the-client-app-settings):
      // a 400 page at /authorize; the System Log reason is illegal_redirect_uri; the match is exact
      // (letter case and trailing slash included). The page's code is the OAuth invalid_request.
      'redirect-uri-mismatch': {
        status: 400,
        code: 'invalid_request',
        headline: '400 Bad Request',
        says: "The 'redirect_uri' of the request is not one of the app's Sign-in redirect URIs (Login redirect URIs in Classic Engine), which it must match exactly, letter case and trailing slash included.",
      },
      // Source: Okta API error codes (developer.okta.com/docs/reference/error-codes/): E0000007
      // "Not found: Resource not found", HTTP 404. Okta finds a SAML app by its SSO URL, so a
      // request for an app the org does not have ends at "not found"; Okta documents no SAML-specific code.
      'unknown-sp': {
        status: 404,
        code: 'E0000007',
        headline: '404 Not Found',
        says: 'No SAML app of this org answers to this request: nothing has this Audience URI (SP Entity ID).',
      },
      // Source: Auth0 support, "Okta SAML Integration with Signed Requests"
      // (support.auth0.com/center/s/article/Okta-SAML-Integration-with-Delegated-Admin-Extension):
      // Okta refuses a SAML request it will not honour with its 400 SAML error page (/error/400_SAML).
      // An app requests another ACS only when "Allow this app to request other SSO URLs" lists it.
      'acs-mismatch': {
        status: 400,
        code: '400_SAML',
        headline: '400 Bad Request',
        says: "The requested AssertionConsumerServiceURL is neither the app's Single sign-on URL nor one of its Other Requestable SSO URLs.",
      },
    },
  },
  onelogin: {
    brand: 'OneLogin',
    codeLabel: 'Error',
    reference: 'Request id',
    looks: {
      // OneLogin documents no code of its own for these two; the codes are OAuth 2.0's for an
      // unknown client (RFC 6749 §5.2) and a bad request parameter (RFC 6749 §4.1.2.1).
      // The settings are named as in "Connect an OIDC enabled app"
      // (developers.onelogin.com/openid-connect/connect-to-onelogin): Client ID on the SSO tab,
      // Redirect URIs on the Configuration tab.
      'unknown-client': {
        status: 400,
        code: 'invalid_client',
        headline: 'Something went wrong',
        says: 'No OpenID Connect app of this account has this client ID (the SSO tab of the app shows its Client ID).',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'invalid_request',
        headline: 'Something went wrong',
        says: "The redirect_uri is not one of the Redirect URIs on the app's Configuration tab (after an edit, OneLogin may take up to 10 minutes to use the new list).",
      },
      // No public source for a code: OneLogin finds a SAML app by the id in its SSO URL
      // (…/trust/saml2/http-redirect/sso/<app id>), so an app it does not have is "not found".
      // The code is the harness's own.
      'unknown-sp': {
        status: 404,
        code: 'not_found',
        headline: 'Something went wrong',
        says: 'No SAML app of this account has this Audience (EntityID).',
      },
      // No public source for a code: a OneLogin SAML app accepts the ACS URLs its
      // "ACS (Consumer) URL Validator" (a regular expression) matches. The code is the harness's own.
      'acs-mismatch': {
        status: 400,
        code: 'invalid_acs_url',
        headline: 'Something went wrong',
        says: "The ACS URL in the request does not match the app's ACS (Consumer) URL Validator.",
      },
    },
  },
  auth0: {
    brand: 'Auth0',
    codeLabel: 'Technical details',
    reference: 'Tracking id',
    looks: {
      'unknown-client': {
        status: 400,
        code: 'invalid_request',
        headline: 'Oops!, something went wrong',
        says: 'Unknown client: no application in this tenant has this client ID.',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'unauthorized_client',
        headline: 'Oops!, something went wrong',
        says: "Callback URL mismatch: the redirect_uri is not in the application's Allowed Callback URLs.",
      },
      'unknown-sp': {
        status: 400,
        code: 'invalid_request',
        headline: 'Oops!, something went wrong',
        says: 'Unknown client: no application in this tenant answers to this SAML Issuer.',
      },
      'acs-mismatch': {
        status: 400,
        code: 'unauthorized_client',
        headline: 'Oops!, something went wrong',
        says: "Callback URL mismatch: the AssertionConsumerServiceURL is not in the application's Allowed Callback URLs.",
      },
    },
  },
  adfs: {
    brand: 'AD FS',
    codeLabel: 'Error details',
    reference: 'Activity ID',
    looks: {
      // Source: AD FS's own message, quoted in public troubleshooting notes: "MSIS9223: Received
      // invalid OAuth authorization request. The received 'client_id' is invalid as no registered
      // client was found with this client identifier."
      'unknown-client': {
        status: 400,
        code: 'MSIS9223',
        headline: 'An error occurred',
        says: 'The OAuth authorization request was refused: no client is registered with this client identifier.',
      },
      // Source: AD FS's own message, quoted in public troubleshooting notes: "MSIS9224: Received
      // invalid OAuth authorization request. The received 'redirect_uri' parameter is not a valid
      // registered redirect URI for the client identifier".
      'redirect-uri-mismatch': {
        status: 400,
        code: 'MSIS9224',
        headline: 'An error occurred',
        says: "The OAuth authorization request was refused: its 'redirect_uri' is not a redirect URI registered for this client identifier.",
      },
      // Source: Microsoft, "Troubleshooting token issuance problems with AD FS 2.0" and the AD FS
      // admin log's event 364: "MSIS7007: The requested relying party trust '…' is unspecified or
      // unsupported" (an AuthnRequest whose Issuer no relying party trust has as its identifier).
      'unknown-sp': {
        status: 400,
        code: 'MSIS7007',
        headline: 'An error occurred',
        says: 'No relying party trust has the identifier this request names, or it may not be used from here.',
      },
      // Source: the AD FS events in Microsoft's management pack (TokenIssuance ...
      // AssertionConsumerServiceUrlDoesNotMatch): event 261, "the request specified an assertion
      // consumer service URL that is not configured on the relying party" (259: an index, 260: a
      // binding); the page itself only shows "An error occurred" and the Activity ID.
      'acs-mismatch': {
        status: 400,
        code: 'Event 261',
        headline: 'An error occurred',
        says: "The request names an assertion consumer service URL that none of the relying party trust's SAML Assertion Consumer endpoints has (AD FS logs event 261 in its Admin log).",
      },
    },
  },
};
