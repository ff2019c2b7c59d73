import { stableUuid } from '../../directory/stable-id.ts';
import { scimSchemas } from '../types.ts';
import { changedPaths, coreUser, enterprise, patch, quoted, userSchemas } from './shared.ts';
import type { ScimDialect } from './types.ts';

const rfc7644 = 'https://www.rfc-editor.org/rfc/rfc7644';

/**
 * The plain protocol, as RFC 7644 writes it: lower-case PATCH ops with paths, JSON
 * booleans, value-filter paths to remove one member, DELETE on unassignment. The
 * yardstick the other dialects are measured against.
 */
export const rfc: ScimDialect = {
  name: 'rfc',
  title: 'RFC 7644 (strict)',
  description:
    'Exactly what RFC 7643/7644 describe: no lookup before create, PATCH for every change, DELETE on unassignment.',
  quirks: [
    {
      what: 'PATCH ops in lower case (add, replace, remove) with attribute paths',
      source: `${rfc7644}#section-3.5.2`,
    },
    {
      what: 'one member leaves a group by a value-filter path: members[value eq "<id>"]',
      source: `${rfc7644}#section-3.5.2.2`,
    },
    { what: 'unassignment deletes the resource (DELETE /Users/<id>)', source: `${rfc7644}#section-3.6` },
    { what: 'booleans are JSON booleans', source: 'https://www.rfc-editor.org/rfc/rfc7643#section-2.3.2' },
  ],
  externalId: (user, providerId) => user.externalId ?? stableUuid(providerId, user.id, 'scim'),
  headers: { 'content-type': 'application/scim+json' },
  lookupUser: undefined,
  lookupAccepts404: false,
  lookupGroup: undefined,
  createUser(user) {
    const body = { ...coreUser(user), ...enterprise(user) };
    return { schemas: userSchemas(body), ...body };
  },
  updateUser(id, before, after) {
    const ops = changedPaths(before, after).map(([path, value]) => ({ op: 'replace', path, value }));
    return { method: 'PATCH', path: `/Users/${id}`, body: patch(ops) };
  },
  setActive(id, _user, active) {
    return {
      method: 'PATCH',
      path: `/Users/${id}`,
      body: patch([{ op: 'replace', path: 'active', value: active }]),
    };
  },
  unassign: 'delete',
  deletesUsers: true,
  createGroup(group) {
    return {
      schemas: [scimSchemas.group],
      displayName: group.displayName,
      ...(group.externalId ? { externalId: group.externalId } : {}),
      members: [],
    };
  },
  renameGroup(id, displayName) {
    return {
      method: 'PATCH',
      path: `/Groups/${id}`,
      body: patch([{ op: 'replace', path: 'displayName', value: displayName }]),
    };
  },
  addMembers(groupId, members) {
    return {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch([{ op: 'add', path: 'members', value: members.map((m) => ({ value: m.id })) }]),
    };
  },
  removeMembers(groupId, memberIds) {
    return {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch(memberIds.map((id) => ({ op: 'remove', path: `members[value eq ${quoted(id)}]` }))),
    };
  },
};
