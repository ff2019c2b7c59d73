import { stableUuid } from '../../directory/stable-id.ts';
import { scimSchemas } from '../types.ts';
import { changedPaths, coreUser, enterprise, filterQuery, patch, quoted, userSchemas } from './shared.ts';
import type { ScimDialect } from './types.ts';

const knownIssues =
  'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility';
const tutorial =
  'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups';

/** Entra's PATCH op names: capitalised, as its provisioning service has sent them. */
const op = { add: 'Add', replace: 'Replace', remove: 'Remove' } as const;

/** "True" / "False": Entra's string booleans in PATCH values. */
const entraBoolean = (value: boolean) => (value ? 'True' : 'False');

/**
 * Microsoft Entra ID's provisioning service (the non-gallery "scim" job). Its requests
 * are the ones most often refused by SCIM servers written from the RFC alone.
 */
export const entra: ScimDialect = {
  name: 'entra',
  title: 'Microsoft Entra ID',
  description:
    'GET ?filter=userName eq before every create; PATCH ops "Replace"/"Add"/"Remove" in capitals; active as the string "False"; externalId from the objectId; members added and removed with value arrays.',
  quirks: [
    { what: 'looks the user up with filter=userName eq "<upn>" before creating it', source: tutorial },
    { what: 'PATCH op names in other letter case: "Replace", "Add", "Remove"', source: knownIssues },
    { what: 'deactivation sends active as the string "False" (not a JSON boolean)', source: knownIssues },
    { what: 'externalId carries the Entra objectId (a GUID)', source: tutorial },
    {
      what: 'group members are added and removed with path "members" and a value array of {value: id}, not a filter path',
      source: knownIssues,
    },
    {
      what: 'unassignment (and soft delete) deactivates; DELETE is sent only on hard delete',
      source: tutorial,
    },
    {
      what: 'profile changes are PATCH Replace ops on paths such as emails[type eq "work"].value',
      source: tutorial,
    },
  ],
  // The same objectId the entra persona asserts as oid, so the SP can link the two.
  externalId: (user, providerId) => stableUuid(providerId, user.id, 'oid'),
  headers: { 'content-type': 'application/scim+json' },
  lookupUser: (userName) => filterQuery('/Users', `userName eq ${quoted(userName)}`),
  lookupAccepts404: false,
  lookupGroup: (displayName) =>
    `${filterQuery('/Groups', `displayName eq ${quoted(displayName)}`)}&excludedAttributes=members`,
  createUser(user) {
    const body = { ...coreUser(user), ...enterprise(user) };
    return { schemas: userSchemas(body), ...body };
  },
  updateUser(id, before, after) {
    const ops = changedPaths(before, after).map(([path, value]) => ({ op: op.replace, path, value }));
    return { method: 'PATCH', path: `/Users/${id}`, body: patch(ops) };
  },
  setActive(id, _user, active) {
    return {
      method: 'PATCH',
      path: `/Users/${id}`,
      body: patch([{ op: op.replace, path: 'active', value: entraBoolean(active) }]),
    };
  },
  unassign: 'deactivate',
  deletesUsers: true,
  createGroup(group) {
    return {
      schemas: [scimSchemas.group],
      ...(group.externalId ? { externalId: group.externalId } : {}),
      displayName: group.displayName,
      members: [],
    };
  },
  renameGroup(id, displayName) {
    return {
      method: 'PATCH',
      path: `/Groups/${id}`,
      body: patch([{ op: op.replace, path: 'displayName', value: displayName }]),
    };
  },
  addMembers(groupId, members) {
    return {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch([{ op: op.add, path: 'members', value: members.map((m) => ({ value: m.id })) }]),
    };
  },
  removeMembers(groupId, memberIds) {
    return {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch([{ op: op.remove, path: 'members', value: memberIds.map((id) => ({ value: id })) }]),
    };
  },
};
