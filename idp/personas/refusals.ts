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

/** The refusal pages of each persona, read by `idp/http/refusal-page.ts`. */
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
      'unknown-client': {
        status: 400,
        code: 'invalid_client',
        headline: '400 Bad Request',
        says: "The value of the 'client_id' parameter is not an application of this org.",
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'invalid_request',
        headline: '400 Bad Request',
        says: "The 'redirect_uri' parameter has to be one of the sign-in redirect URIs in the application's settings.",
      },
      'unknown-sp': {
        status: 404,
        code: 'E0000007',
        headline: '404 Not Found',
        says: 'No SAML application in this org has this Audience URI (SP Entity ID).',
      },
      'acs-mismatch': {
        status: 400,
        code: 'invalid_request',
        headline: '400 Bad Request',
        says: "The requested ACS URL is not the application's Single sign-on URL nor one of the other URLs it may request.",
      },
    },
  },
  onelogin: {
    brand: 'OneLogin',
    codeLabel: 'Error',
    reference: 'Request id',
    looks: {
      'unknown-client': {
        status: 400,
        code: 'invalid_client',
        headline: 'Something went wrong',
        says: 'No OpenID Connect application has this client ID.',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'invalid_request',
        headline: 'Something went wrong',
        says: "The redirect_uri is not one of the application's Redirect URIs.",
      },
      'unknown-sp': {
        status: 404,
        code: 'app_not_found',
        headline: 'Something went wrong',
        says: 'No SAML application in this account has this audience (entity ID).',
      },
      'acs-mismatch': {
        status: 400,
        code: 'invalid_request',
        headline: 'Something went wrong',
        says: "The ACS URL in the request is not the application's ACS (Consumer) URL.",
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
      'unknown-client': {
        status: 400,
        code: 'MSIS9223',
        headline: 'An error occurred',
        says: 'The OAuth authorization request was invalid: no client is registered with this client identifier.',
      },
      'redirect-uri-mismatch': {
        status: 400,
        code: 'MSIS9224',
        headline: 'An error occurred',
        says: "The OAuth authorization request was invalid: the 'redirect_uri' is not a redirect URI registered for this client.",
      },
      'unknown-sp': {
        status: 400,
        code: 'MSIS7007',
        headline: 'An error occurred',
        says: 'The relying party trust this request names is not configured or not supported.',
      },
      'acs-mismatch': {
        status: 400,
        code: 'Event 364',
        headline: 'An error occurred',
        says: 'The request asks for an assertion consumer endpoint the relying party trust does not have.',
      },
    },
  },
};
