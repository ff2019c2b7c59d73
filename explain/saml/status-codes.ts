/**
 * SAML status codes (SAML 2.0 Core §3.2.2.2) with what they mean for someone reading a
 * failed login, and which side usually has to act.
 */
export interface StatusMeaning {
  meaning: string;
  side: 'idp' | 'sp';
}

const P = 'urn:oasis:names:tc:SAML:2.0:status:';

export const statusMeanings: Record<string, StatusMeaning> = {
  [`${P}Success`]: { meaning: 'the request succeeded', side: 'idp' },
  [`${P}Requester`]: { meaning: 'the IdP refused the request because of something the SP sent', side: 'sp' },
  [`${P}Responder`]: {
    meaning: 'the IdP could not or would not complete the login (its own error or its policy)',
    side: 'idp',
  },
  [`${P}VersionMismatch`]: {
    meaning: 'the IdP does not speak the SAML version the request used',
    side: 'sp',
  },
  [`${P}AuthnFailed`]: {
    meaning: 'the user could not be authenticated (wrong password, MFA failed, account locked)',
    side: 'idp',
  },
  [`${P}InvalidAttrNameOrValue`]: {
    meaning: 'an attribute in the request has an unexpected name or value',
    side: 'sp',
  },
  [`${P}InvalidNameIDPolicy`]: {
    meaning: "the IdP cannot issue a NameID in the format the SP's NameIDPolicy asks for",
    side: 'sp',
  },
  [`${P}NoAuthnContext`]: {
    meaning: 'the IdP cannot authenticate the user as strongly as the RequestedAuthnContext asks',
    side: 'sp',
  },
  [`${P}NoAvailableIDP`]: {
    meaning: 'no identity provider in the IDPList is available (proxying IdP)',
    side: 'idp',
  },
  [`${P}NoPassive`]: {
    meaning: 'IsPassive was set but the user would have to interact (no session at the IdP)',
    side: 'sp',
  },
  [`${P}NoSupportedIDP`]: {
    meaning: 'none of the IdPs in the IDPList is supported (proxying IdP)',
    side: 'sp',
  },
  [`${P}PartialLogout`]: { meaning: 'logout reached some, not all, session participants', side: 'idp' },
  [`${P}ProxyCountExceeded`]: { meaning: 'the request may not be proxied further', side: 'sp' },
  [`${P}RequestDenied`]: {
    meaning: 'the IdP refuses to answer (often: the user is not assigned to this application)',
    side: 'idp',
  },
  [`${P}RequestUnsupported`]: { meaning: 'the IdP does not support this kind of request', side: 'sp' },
  [`${P}RequestVersionDeprecated`]: {
    meaning: 'the request uses a SAML version the IdP no longer accepts',
    side: 'sp',
  },
  [`${P}RequestVersionTooHigh`]: {
    meaning: 'the request uses a SAML version too new for the IdP',
    side: 'sp',
  },
  [`${P}RequestVersionTooLow`]: {
    meaning: 'the request uses a SAML version too old for the IdP',
    side: 'sp',
  },
  [`${P}ResourceNotRecognized`]: {
    meaning: 'the IdP does not know the resource the request names',
    side: 'sp',
  },
  [`${P}TooManyResponses`]: {
    meaning: 'the answer would hold more elements than the IdP can return',
    side: 'idp',
  },
  [`${P}UnknownAttrProfile`]: {
    meaning: 'the IdP does not know the attribute profile asked for',
    side: 'sp',
  },
  [`${P}UnknownPrincipal`]: { meaning: 'the IdP does not know the user the request names', side: 'idp' },
  [`${P}UnsupportedBinding`]: {
    meaning:
      "the IdP cannot answer over the binding the request asks for (ProtocolBinding, or the ACS's binding)",
    side: 'sp',
  },
};

export function shortStatus(code: string | undefined): string {
  return code ? code.replace(P, '') : '(none)';
}
