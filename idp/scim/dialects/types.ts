import type { ScimDialectName } from '../../../config/schema.ts';
import type { DirectoryUser } from '../../directory/user.ts';
import type { PatchOperation, ScimGroupModel, ScimRequest, ScimUserModel } from '../types.ts';

/** One way an IdP's SCIM client departs from the plain RFC, and where the IdP says so. */
export interface ScimQuirk {
  what: string;
  /** Vendor documentation (or RFC section) that shows it. */
  source: string;
}

/**
 * How one IdP's provisioning client talks SCIM: pure data plus small builders. The
 * provisioner (`../provisioner.ts`) reads these and never branches on a dialect name.
 */
export interface ScimDialect {
  name: ScimDialectName;
  title: string;
  description: string;
  quirks: ScimQuirk[];
  /** The externalId this IdP sends for a user (its own immutable id), or undefined when it sends none. */
  externalId(user: DirectoryUser, providerId: string): string | undefined;
  /** Extra headers on every request (Content-Type of bodies, for one). */
  headers: Record<string, string>;
  /**
   * Before creating a user, the query that looks for an existing one
   * (`/Users?filter=userName eq "..."`), or undefined to POST straight away.
   */
  lookupUser: ((userName: string) => string) | undefined;
  /** Whether a 404 to that lookup means "no such user" (OneLogin) rather than a broken SP. */
  lookupAccepts404: boolean;
  /** Before creating a group, the query that looks for one by displayName, or undefined. */
  lookupGroup: ((displayName: string) => string) | undefined;
  /** The POST /Users body. */
  createUser(user: ScimUserModel): Record<string, unknown>;
  /** A profile change (email, name): one request. */
  updateUser(id: string, before: ScimUserModel, after: ScimUserModel): ScimRequest;
  /** Deactivation or reactivation (`active`). */
  setActive(id: string, user: ScimUserModel, active: boolean): ScimRequest;
  /** What unassigning the user from the app sends: deactivate (PATCH/PUT active false) or DELETE. */
  unassign: 'deactivate' | 'delete';
  /** Whether this IdP ever sends DELETE /Users/<id>. */
  deletesUsers: boolean;
  createGroup(group: ScimGroupModel): Record<string, unknown>;
  renameGroup(id: string, displayName: string): ScimRequest;
  addMembers(groupId: string, members: Array<{ id: string; display: string }>): ScimRequest;
  removeMembers(groupId: string, memberIds: string[]): ScimRequest;
}

export type { PatchOperation };
