import { scimSchemas } from '../types.ts';
import { coreUser, filterQuery, patch, quoted } from './shared.ts';
import type { ScimDialect } from './types.ts';

const implement = 'https://developers.onelogin.com/scim/implement-scim-api';
const createApp = 'https://developers.onelogin.com/scim/create-app';

function fullUser(
  id: string | undefined,
  user: Parameters<ScimDialect['createUser']>[0],
): Record<string, unknown> {
  return { schemas: [scimSchemas.user], ...(id ? { id } : {}), ...coreUser(user) };
}

/** OneLogin's "SCIM Provisioner with SAML (SCIM v2 Core)" connector. */
export const onelogin: ScimDialect = {
  name: 'onelogin',
  title: 'OneLogin',
  description:
    'GET ?filter=userName eq before create (a 404 counts as "none"); updates and suspension as a full PUT; unassignment DELETEs the user; no externalId; group membership by PATCH with value arrays.',
  quirks: [
    {
      what: 'looks the user up with a userName filter before creating it, and takes a 404 as "no such user"',
      source: implement,
    },
    {
      what: 'updates replace the whole user with PUT /Users/<id>, active included (suspension is a PUT with active false)',
      source: implement,
    },
    { what: 'deprovisioning deletes the user (DELETE /Users/<id>)', source: implement },
    {
      what: 'the user JSON comes from a template (userName, name, emails): no externalId, no enterprise extension',
      source: createApp,
    },
    {
      what: 'group membership is a PATCH with path "members" and a value array, to add and to remove',
      source: implement,
    },
  ],
  externalId: () => undefined,
  headers: { 'content-type': 'application/scim+json' },
  lookupUser: (userName) => filterQuery('/Users', `userName eq ${quoted(userName)}`),
  lookupAccepts404: true,
  lookupGroup: (displayName) => filterQuery('/Groups', `displayName eq ${quoted(displayName)}`),
  createUser(user) {
    return fullUser(undefined, user);
  },
  updateUser(id, _before, after) {
    return { method: 'PUT', path: `/Users/${id}`, body: fullUser(id, after) };
  },
  setActive(id, user, active) {
    return { method: 'PUT', path: `/Users/${id}`, body: fullUser(id, { ...user, active }) };
  },
  unassign: 'delete',
  deletesUsers: true,
  createGroup(group) {
    return { schemas: [scimSchemas.group], displayName: group.displayName, members: [] };
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
      body: patch([{ op: 'remove', path: 'members', value: memberIds.map((id) => ({ value: id })) }]),
    };
  },
};
