import type { DirectoryUser } from '../directory/user.ts';
import type { AttributeValue } from './types.ts';

/** Claim URIs that Microsoft (ADFS, Entra) and Auth0 use. */
export const claimUris = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  nameIdentifier: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
  displayName: 'http://schemas.microsoft.com/identity/claims/displayname',
  objectId: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  tenantId: 'http://schemas.microsoft.com/identity/claims/tenantid',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
  groupsLink: 'http://schemas.microsoft.com/claims/groups.link',
  role: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
  adfsGroup: 'http://schemas.xmlsoap.org/claims/Group',
} as const;

/** Empty lists are not sent at all, as real IdPs do. */
export function list(values: string[]): AttributeValue {
  return values.length > 0 ? values : undefined;
}

export function emailDomain(user: DirectoryUser): string {
  return user.email.split('@')[1] ?? '';
}

/** A trace or correlation ID shaped like a GUID, random per error. */
export function randomGuid(): string {
  return crypto.randomUUID();
}
