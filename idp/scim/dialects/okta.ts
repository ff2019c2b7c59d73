import { personas } from '../../personas/index.ts';
import { scimSchemas } from '../types.ts';
import { coreUser, filterQuery, patch, quoted } from './shared.ts';
import type { ScimDialect } from './types.ts';

const reference = 'https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20';
const groupPush =
  'https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20#scim-group-operations';

/** The body Okta PUTs: the whole user as Okta's app profile has it. */
function fullUser(
  id: string | undefined,
  user: Parameters<ScimDialect['createUser']>[0],
): Record<string, unknown> {
  const core = coreUser(user);
  const { name } = core as { name: Record<string, string> };
  return {
    schemas: [scimSchemas.user],
    ...(id ? { id } : {}),
    ...core,
    name: {
      ...(name.givenName ? { givenName: name.givenName } : {}),
      ...(name.familyName ? { familyName: name.familyName } : {}),
    },
    locale: 'en-US',
    groups: [],
  };
}

/** Okta's SCIM 2.0 provisioning (an app integration with "To App" provisioning). */
export const okta: ScimDialect = {
  name: 'okta',
  title: 'Okta',
  description:
    'GET ?filter=userName eq …&startIndex=1&count=100 before create; profile updates as a full PUT; (de)activation as a path-less PATCH {"active": false}; never DELETEs a user; Group Push with PATCH members.',
  quirks: [
    {
      what: 'looks the user up with filter=userName eq "<login>"&startIndex=1&count=100 before creating it',
      source: reference,
    },
    { what: 'profile updates replace the whole user with PUT /Users/<id>', source: reference },
    {
      what: 'deactivation and reactivation are a PATCH without a path: {"op":"replace","value":{"active":false}}',
      source: reference,
    },
    { what: 'never sends DELETE /Users/<id>: unassignment deactivates', source: reference },
    { what: 'create carries locale and an empty groups list; name without formatted', source: reference },
    {
      what: 'Group Push renames with a path-less PATCH replace of {id, displayName}; members leave by a members[value eq "<id>"] path',
      source: groupPush,
    },
  ],
  // Okta's user id (00u…), the sub the okta persona asserts.
  externalId: (user, providerId) =>
    personas.okta.oidc?.subject(user, {
      providerId,
      tenantId: undefined,
      hostedDomain: undefined,
      groupsOverageThreshold: 200,
    }),
  headers: { 'content-type': 'application/scim+json' },
  lookupUser: (userName) =>
    filterQuery('/Users', `userName eq ${quoted(userName)}`, '&startIndex=1&count=100'),
  lookupAccepts404: false,
  lookupGroup: (displayName) =>
    filterQuery('/Groups', `displayName eq ${quoted(displayName)}`, '&startIndex=1&count=100'),
  createUser(user) {
    return fullUser(undefined, user);
  },
  updateUser(id, _before, after) {
    return { method: 'PUT', path: `/Users/${id}`, body: fullUser(id, after) };
  },
  setActive(id, _user, active) {
    return { method: 'PATCH', path: `/Users/${id}`, body: patch([{ op: 'replace', value: { active } }]) };
  },
  unassign: 'deactivate',
  deletesUsers: false,
  createGroup(group) {
    return { schemas: [scimSchemas.group], displayName: group.displayName, members: [] };
  },
  renameGroup(id, displayName) {
    return {
      method: 'PATCH',
      path: `/Groups/${id}`,
      body: patch([{ op: 'replace', value: { id, displayName } }]),
    };
  },
  addMembers(groupId, members) {
    return {
      method: 'PATCH',
      path: `/Groups/${groupId}`,
      body: patch([
        { op: 'add', path: 'members', value: members.map((m) => ({ value: m.id, display: m.display })) },
      ]),
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
