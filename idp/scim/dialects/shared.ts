import { type PatchBody, type PatchOperation, type ScimUserModel, scimSchemas } from '../types.ts';

/** A PatchOp message (RFC 7644 §3.5.2). */
export function patch(operations: PatchOperation[]): PatchBody {
  return { schemas: [scimSchemas.patchOp], Operations: operations };
}

/** A quoted SCIM filter string value (RFC 7644 §3.4.2.2: JSON string rules). */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** `/Users?filter=...` with the filter encoded for the query string. */
export function filterQuery(resource: '/Users' | '/Groups', filter: string, extra = ''): string {
  return `${resource}?filter=${encodeURIComponent(filter)}${extra}`;
}

/** The core User attributes most IdPs send, in RFC shape. */
export function coreUser(user: ScimUserModel): Record<string, unknown> {
  return {
    userName: user.userName,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    name: {
      ...(user.givenName ? { givenName: user.givenName } : {}),
      ...(user.familyName ? { familyName: user.familyName } : {}),
      formatted: user.displayName,
    },
    displayName: user.displayName,
    emails: [{ value: user.email, type: 'work', primary: true }],
    active: user.active,
  };
}

/** The enterprise extension (RFC 7643 §4.3), only when there is something to say. */
export function enterprise(user: ScimUserModel): Record<string, unknown> {
  const ext: Record<string, string> = {};
  if (user.employeeNumber) ext.employeeNumber = user.employeeNumber;
  if (user.department) ext.department = user.department;
  return Object.keys(ext).length ? { [scimSchemas.enterpriseUser]: ext } : {};
}

/** The schemas list for a user body, with the enterprise URN when the extension is sent. */
export function userSchemas(body: Record<string, unknown>): string[] {
  return scimSchemas.enterpriseUser in body
    ? [scimSchemas.user, scimSchemas.enterpriseUser]
    : [scimSchemas.user];
}

/** Attribute paths whose value changed between two user models, with the new value. */
export function changedPaths(before: ScimUserModel, after: ScimUserModel): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (before.email !== after.email) out.push(['emails[type eq "work"].value', after.email]);
  if (before.givenName !== after.givenName && after.givenName) out.push(['name.givenName', after.givenName]);
  if (before.familyName !== after.familyName && after.familyName)
    out.push(['name.familyName', after.familyName]);
  if (before.displayName !== after.displayName) out.push(['displayName', after.displayName]);
  if (before.userName !== after.userName) out.push(['userName', after.userName]);
  return out;
}
