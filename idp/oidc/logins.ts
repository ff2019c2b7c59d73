/** What the RP learnt from the last id_token a flow got: enough to log that login out. */
export interface FlowLogin {
  clientId: string;
  /** The id_token's `sub`, as sent (after the flow's faults). */
  sub: string | undefined;
  /** The id_token's `sid` (oidc-provider sets it for clients with a backchannel_logout_uri). */
  sid: string | undefined;
}

/** Logins remembered at most: flows end with their job, this only bounds a long-running server. */
const LIMIT = 2_000;

/**
 * The last id_token of each flow at one provider, so that a back-channel logout step
 * (`backchannel-logout.ts`) can name the RP session the login made.
 */
export class FlowLogins {
  private readonly byFlow = new Map<string, FlowLogin>();

  remember(flowId: string | undefined, login: FlowLogin): void {
    if (!flowId) return;
    this.byFlow.delete(flowId);
    this.byFlow.set(flowId, login);
    if (this.byFlow.size > LIMIT) this.byFlow.delete(this.byFlow.keys().next().value!);
  }

  get(flowId: string): FlowLogin | undefined {
    return this.byFlow.get(flowId);
  }
}
