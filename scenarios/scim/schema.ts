import { z } from 'zod';
import { scimDialectNames } from '../../config/schema.ts';

/** A role name of a user the scenario provisions ("subject", "colleague"): fresh for every run. */
const role = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lowercase role such as "subject"');
/** A group of the scenario: "role" is the connection's role group (scim.roleGroup); others get a fresh name. */
const group = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lowercase group name such as "team"');
const outcome = z.enum(['accept', 'reject']).default('accept');

/**
 * One step of a provisioning scenario, as data. Pushes go through the IdP's dialect;
 * checks read the SP's own state over SCIM; login and probe steps ask the SP's probe.
 */
export const scimStepSchema = z.discriminatedUnion('do', [
  /** Assignment to the app: the dialect's lookup, then POST /Users. */
  z.strictObject({ do: z.literal('assign'), user: role }),
  /** A profile change at the IdP (new email and name), pushed the dialect's way (PUT or PATCH). */
  z.strictObject({ do: z.literal('update'), user: role }),
  z.strictObject({ do: z.literal('deactivate'), user: role }),
  z.strictObject({ do: z.literal('reactivate'), user: role }),
  /** Unassignment from the app: deactivate or DELETE, as the dialect does. */
  z.strictObject({ do: z.literal('unassign'), user: role }),
  z.strictObject({ do: z.literal('delete'), user: role }),
  /** Group push: the dialect's lookup by displayName, then POST /Groups. */
  z.strictObject({ do: z.literal('push-group'), group }),
  /** Renames a group; `to: "role"` gives it the connection's role group name. */
  z.strictObject({ do: z.literal('rename-group'), group, to: z.enum(['role', 'fresh']) }),
  z.strictObject({ do: z.literal('add-member'), group, user: role }),
  z.strictObject({ do: z.literal('remove-member'), group, user: role }),
  /** An SSO login through the connection as the user, in a new browser session. */
  z.strictObject({ do: z.literal('login'), user: role, expect: outcome }),
  /**
   * The probe in the user's existing session: `accept` = still logged in as them,
   * `reject` = no session; `role` / `no-role` read the role group's probe text.
   */
  z.strictObject({
    do: z.literal('probe'),
    user: role,
    expect: z.enum(['accept', 'reject', 'role', 'no-role']),
  }),
  /** GET /Users/<id>: what the SP holds for the user. */
  z.strictObject({
    do: z.literal('check-user'),
    user: role,
    expect: z.strictObject({
      status: z.union([z.literal(200), z.literal(404)]).default(200),
      active: z.boolean().optional(),
      /** The SP's primary email is the IdP's current one. */
      currentEmail: z.boolean().optional(),
      memberOf: group.optional(),
      notMemberOf: group.optional(),
    }),
  }),
  /** GET /Users?filter=userName eq "<userName>" (in another letter case with `upperCase`): how many match. */
  z.strictObject({
    do: z.literal('count-users'),
    user: role,
    upperCase: z.boolean().default(false),
    expect: z.number().int().min(0),
  }),
  /** POST /Users again with the user's userName (upper-cased with `upperCase`): 409 uniqueness expected. */
  z.strictObject({ do: z.literal('create-duplicate'), user: role, upperCase: z.boolean().default(false) }),
  /** POST /Users with an attribute no schema defines: the SP must ignore it (201), not refuse. */
  z.strictObject({ do: z.literal('create-with-unknown-attribute'), user: role }),
  /** GET /Users with a wrong bearer token (or none): 401 expected. */
  z.strictObject({ do: z.literal('wrong-token'), token: z.enum(['wrong', 'none']).default('wrong') }),
  /** Creates `users` users with a common prefix and pages through them `count` at a time. */
  z.strictObject({
    do: z.literal('paginate'),
    users: z.number().int().min(2).max(20),
    count: z.number().int().min(1),
  }),
  /** `requests` GETs at once; every one must end 2xx (the client retries 429 honouring Retry-After). */
  z.strictObject({ do: z.literal('burst'), requests: z.number().int().min(1).max(500) }),
  /** The provider is switched off: every user this scenario provisioned is unassigned (the dialect's way). */
  z.strictObject({ do: z.literal('disable-provider') }),
]);

/** A lax switch of the demo SP that makes the scenario fail, for some dialects only when listed. */
const caughtBySchema = z.union([
  z.string(),
  z.strictObject({ lax: z.string(), dialects: z.array(z.enum(scimDialectNames)).min(1) }),
]);

const common = {
  id: z.string().regex(/^scim\.[a-z0-9][a-z0-9.-]*$/, 'expected an id such as scim.users.deactivate'),
  title: z.string().min(1),
  tags: z.array(z.string()).default([]),
  why: z.string().min(1),
  refs: z.array(z.string()).default([]),
  caughtBy: z.array(caughtBySchema).optional(),
  timeoutMs: z.number().int().positive().optional(),
};

export const provisioningScenarioSchema = z.strictObject({
  ...common,
  kind: z.literal('provisioning'),
  /** The users the scenario provisions, by role. */
  users: z.array(role).min(1).default(['subject']),
  requires: z
    .strictObject({
      /** The connection names a role group (scim.roleGroup). */
      roleGroup: z.boolean().optional(),
      /** The dialect sends DELETE /Users (Okta never does). */
      deletes: z.boolean().optional(),
    })
    .optional(),
  steps: z.array(scimStepSchema).min(1),
});

export const conformanceScenarioSchema = z.strictObject({
  ...common,
  kind: z.literal('conformance'),
  /** A check of runner/scim/conformance/ by name. */
  check: z.string().min(1),
});

export const scimScenarioSchema = z.discriminatedUnion('kind', [
  provisioningScenarioSchema,
  conformanceScenarioSchema,
]);

export type ScimScenarioInput = z.input<typeof scimScenarioSchema>;
export type ScimScenario = z.output<typeof scimScenarioSchema>;
export type ProvisioningScenario = z.output<typeof provisioningScenarioSchema>;
export type ConformanceScenario = z.output<typeof conformanceScenarioSchema>;
export type ScimStep = z.output<typeof scimStepSchema>;
export type CaughtBy = z.output<typeof caughtBySchema>;
