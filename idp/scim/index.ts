export type {
  ScimAuth,
  ScimClientOptions,
  ScimEndpoint,
  ScimExchange,
  ScimResponse,
} from './client.ts';
export { authorizationHeader, ScimClient } from './client.ts';
export type { ScimDialect, ScimQuirk } from './dialects/index.ts';
export { defaultDialect, scimDialect, scimDialects } from './dialects/index.ts';
export type { ScimTarget } from './endpoint.ts';
export { scimTargetOf } from './endpoint.ts';
export type { ScimClientErrorCode } from './errors.ts';
export { ScimClientError } from './errors.ts';
export type { ProvisionedGroup, ProvisionedUser, ScimOutcome } from './provisioner.ts';
export { ScimProvisioner } from './provisioner.ts';
export { decodeExchange, traceScimExchange } from './trace.ts';
export type { PatchOperation, ScimErrorBody, ScimGroupModel, ScimRequest, ScimUserModel } from './types.ts';
export { scimSchemas } from './types.ts';
