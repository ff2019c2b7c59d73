import SCIMMY from 'scimmy';
import type { ScimDirectory } from './directory.ts';
import { matchFilter } from './filter.ts';

/** What scimmy's handlers receive as their context: this SP's directory and the connection. */
export interface ScimHandlerContext {
  directory: ScimDirectory;
  connection: string;
  /** userName and other caseExact=false attributes compare case-sensitively (lax). */
  caseSensitive: boolean;
  /** The list request's filter, evaluated here (see filter.ts), not by scimmy. */
  filter: string | undefined;
}

let declared = false;

/**
 * Declares the User (with the enterprise extension) and Group resource types with scimmy
 * once per process. scimmy keeps its handlers in static state, so they only dispatch:
 * the per-request context names the SP's directory and connection, which lets several
 * demo SPs (strict and lax) live in one process.
 */
export function declareScimResources(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({
    documentationUri: 'https://www.rfc-editor.org/rfc/rfc7644',
    patch: { supported: true },
    filter: { supported: true, maxResults: 200 },
    sort: { supported: true },
    etag: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    changePassword: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'The bearer token of the connection, from the demo SP config (scim.token)',
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
      },
    ],
  });
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .ingress(
      (resource, instance, ctx: ScimHandlerContext) =>
        ctx.directory.writeUser(
          ctx.connection,
          resource.id,
          instance as unknown as Record<string, unknown>,
        ) as never,
    )
    .egress((resource, ctx: ScimHandlerContext) => {
      if (resource.id)
        return ctx.directory.toResource(
          ctx.connection,
          ctx.directory.account(ctx.connection, resource.id),
        ) as never;
      const all = ctx.directory
        .accounts(ctx.connection)
        .map((u) => ctx.directory.toResource(ctx.connection, u));
      return (ctx.filter ? matchFilter(ctx.filter, all, ctx.caseSensitive) : all) as never;
    })
    .degress((resource, ctx: ScimHandlerContext) => ctx.directory.deleteUser(ctx.connection, resource.id!));
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(
      (resource, instance, ctx: ScimHandlerContext) =>
        ctx.directory.writeGroup(
          ctx.connection,
          resource.id,
          instance as unknown as Record<string, unknown>,
        ) as never,
    )
    .egress((resource, ctx: ScimHandlerContext) => {
      if (resource.id)
        return ctx.directory.toGroupResource(
          ctx.connection,
          ctx.directory.group(ctx.connection, resource.id),
        ) as never;
      const all = ctx.directory
        .listGroups(ctx.connection)
        .map((g) => ctx.directory.toGroupResource(ctx.connection, g));
      return (ctx.filter ? matchFilter(ctx.filter, all, ctx.caseSensitive) : all) as never;
    })
    .degress((resource, ctx: ScimHandlerContext) => ctx.directory.deleteGroup(ctx.connection, resource.id!));
  // Locations are relative here; the router makes them absolute for each SP and connection.
  for (const resource of [
    SCIMMY.Resources.User,
    SCIMMY.Resources.Group,
    SCIMMY.Resources.ServiceProviderConfig,
    SCIMMY.Resources.ResourceType,
    SCIMMY.Resources.Schema,
  ])
    resource.basepath('');
}
