import type { SamlConnectionConfig } from '../config.ts';
import { nameIdFormats } from '../config.ts';

const PPT = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';

/** A SAML connection's endpoints at this SP and its defaults filled in. */
export interface SamlSettings {
  connection: string;
  config: SamlConnectionConfig;
  spEntityId: string;
  acsUrl: string;
  sloUrl: string;
  nameIdFormats: string[];
  authnContext: string;
  attributes: Record<'email' | 'groups' | 'externalId', string[]>;
}

const claim = (name: string) => `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/${name}`;

/** Attribute names the usual IdPs use, in the order tried. */
export const defaultAttributeNames: SamlSettings['attributes'] = {
  email: ['email', 'mail', 'emailaddress', 'urn:oid:0.9.2342.19200300.100.1.3', claim('emailaddress')],
  groups: [
    'groups',
    'memberOf',
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
    'http://schemas.xmlsoap.org/claims/Group',
  ],
  externalId: ['externalId', 'employeeNumber', 'urn:oid:2.16.840.1.113730.3.1.3'],
};

/**
 * `plainNames` (lax `attribute-names-plain`): the connection's mapping is ignored and only
 * `email` / `groups` are read, as an SP built against one IdP reads another's.
 */
export function samlSettings(
  spUrl: string,
  connection: string,
  config: SamlConnectionConfig,
  plainNames = false,
): SamlSettings {
  const base = `${spUrl}/saml/${encodeURIComponent(connection)}`;
  return {
    connection,
    config,
    spEntityId: config.spEntityId ?? base,
    acsUrl: `${base}/acs`,
    sloUrl: `${base}/slo`,
    nameIdFormats: config.nameIdFormats ?? [
      nameIdFormats.emailAddress,
      nameIdFormats.unspecified,
      nameIdFormats.persistent,
    ],
    authnContext: config.authnContext ?? PPT,
    attributes: plainNames
      ? { email: ['email'], groups: ['groups'], externalId: ['externalId'] }
      : {
          email: config.attributes?.email ?? defaultAttributeNames.email,
          groups: config.attributes?.groups ?? defaultAttributeNames.groups,
          externalId: config.attributes?.externalId ?? defaultAttributeNames.externalId,
        },
  };
}

/**
 * Strength of AuthnContextClassRefs, for "at least as strong as requested". Unknown
 * classes rank lowest: a class the SP does not understand proves nothing.
 */
const ranks: Record<string, number> = {
  'urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified': 0,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:InternetProtocol': 0,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Password': 1,
  [PPT]: 2,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Kerberos': 2,
  'urn:federation:authentication:windows': 2,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient': 3,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:X509': 3,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard': 3,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI': 3,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract': 4,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken': 4,
  'http://schemas.microsoft.com/claims/multipleauthn': 4,
};

export function authnContextRank(classRef: string | undefined): number {
  return classRef === undefined ? -1 : (ranks[classRef] ?? -1);
}
