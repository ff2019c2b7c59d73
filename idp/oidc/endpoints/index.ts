import type { Context } from 'koa';
import { handleInteraction } from '../interactions.ts';
import type { OidcRoute } from '../routes.ts';
import type { OidcRequestState, OidcRuntime } from '../runtime.ts';
import { serveUntrustedCertificate, serveUntrustedJwks } from '../untrusted-keys.ts';
import {
  finishAuthorizationResponse,
  grantOfflineAccess,
  traceAuthorizationRequest,
} from './authorization.ts';
import { finishDiscovery, finishJwks } from './documents.ts';
import { traceLogoutDone, traceLogoutRequest } from './logout.ts';
import { finishTokenResponse, readBackChannelForm, traceTokenRequest } from './token.ts';
import { finishUserinfo } from './userinfo.ts';

export type EndpointStep = (ctx: Context, runtime: OidcRuntime, state: OidcRequestState) => Promise<void>;

/**
 * What the harness does around the library, per endpoint, in order:
 * `read` (before the flow is known), `before`, then `handle` or the library, then `after`.
 * The flow is found between `read` and `before`; the `endpoint` stage runs right after.
 */
export interface EndpointSteps {
  read?: EndpointStep;
  before?: EndpointStep;
  /** Answers the request instead of the library. */
  handle?: EndpointStep;
  after?: EndpointStep;
}

export const endpoints: Record<OidcRoute, EndpointSteps> = {
  discovery: { after: finishDiscovery },
  jwks: { after: finishJwks },
  authorization: {
    before: async (ctx, runtime) => {
      await traceAuthorizationRequest(ctx, runtime);
      await grantOfflineAccess(ctx);
    },
    after: finishAuthorizationResponse,
  },
  interaction: { handle: handleInteraction },
  resume: { after: finishAuthorizationResponse },
  token: { read: readBackChannelForm, before: traceTokenRequest, after: finishTokenResponse },
  userinfo: { read: readBackChannelForm, after: finishUserinfo },
  end_session: { before: traceLogoutRequest },
  end_session_confirm: { after: traceLogoutDone },
  end_session_success: {},
  revocation: {},
  introspection: {},
  pushed_authorization_request: {},
  // Keys an SP must never fetch: only a token's jku / x5u header points here.
  untrusted_jwks: { handle: serveUntrustedJwks },
  untrusted_certificate: { handle: serveUntrustedCertificate },
};
