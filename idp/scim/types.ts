/** SCIM 2.0 wire shapes the client sends and reads (RFC 7643 §4, RFC 7644 §3.5.2). */

export const scimSchemas = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
  serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
  resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
  schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema',
} as const;

/** One PATCH operation as sent: `op` keeps the dialect's letter case ("Replace" from Entra). */
export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

export interface PatchBody {
  schemas: [typeof scimSchemas.patchOp];
  Operations: PatchOperation[];
}

/** A SCIM request a dialect asks for: method, path under the base URL, optional JSON body. */
export interface ScimRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the base URL, starting with "/" (query included). */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the harness knows of a user it provisions (a directory user, as one IdP sees it). */
export interface ScimUserModel {
  userName: string;
  email: string;
  givenName: string | undefined;
  familyName: string | undefined;
  displayName: string;
  /** The IdP's immutable id for the user as this dialect sends it (Entra objectId, Okta 00u…). */
  externalId: string | undefined;
  employeeNumber: string | undefined;
  department: string | undefined;
  active: boolean;
}

export interface ScimGroupModel {
  displayName: string;
  externalId: string | undefined;
}

/** A SCIM error body (RFC 7644 §3.12). `status` is a string on the wire. */
export interface ScimErrorBody {
  schemas: string[];
  status: string;
  scimType?: string;
  detail?: string;
}
