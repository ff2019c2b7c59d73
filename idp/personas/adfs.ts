import { samlNameIdFormats } from '../../config/schema.ts';
import { claimUris, list } from './shared.ts';
import { attributeNameFormats, type Persona } from './types.ts';

/**
 * Active Directory Federation Services: claim URIs, roles in the Microsoft role claim. SAML only.
 * Sources (Microsoft Learn, AD FS operations): "Create a Rule to Send LDAP Attributes as
 * Claims" (outgoing claim types E-Mail Address = .../claims/emailaddress, UPN = .../claims/upn,
 * Given Name, Surname, Name, Role = http://schemas.microsoft.com/ws/2008/06/identity/claims/role,
 * sent with NameFormat uri) and "Create a Rule to Transform an Incoming Claim" (Name ID with
 * the format the rule picks: Unspecified, Email, Persistent Identifier, Transient Identifier...;
 * unspecified is what a UPN/email-to-Name-ID rule gives unless the admin chooses).
 */
export const adfs: Persona = {
  name: 'adfs',
  title: 'ADFS',
  description:
    'Claim URIs (upn, emailaddress, role); groups sent as http://schemas.microsoft.com/ws/2008/06/identity/claims/role. SAML only.',
  saml: {
    nameIdFormat: samlNameIdFormats.unspecified,
    // AD FS writes NotBefore = IssueInstant: the relying party trust's NotBeforeSkew (minutes
    // to back-date NotBefore) defaults to 0 (Microsoft: Set-AdfsRelyingPartyTrust -NotBeforeSkew).
    notBeforeSkewSeconds: 0,
    nameId: (u) => u.nameId,
    attributeNameFormat: attributeNameFormats.uri,
    attributes: [
      { name: claimUris.upn, value: (u) => u.email },
      { name: claimUris.email, value: (u) => u.email },
      { name: claimUris.givenName, value: (u) => u.givenName },
      { name: claimUris.surname, value: (u) => u.familyName },
      { name: claimUris.name, value: (u) => u.displayName },
      { name: claimUris.role, value: (u) => list([...u.groups, ...u.roles]) },
    ],
  },
  oidc: undefined,
};
