import { randomBytes } from 'node:crypto';
import { HarnessError } from '../lib/errors.ts';
import type { DirectoryUser } from './directory/user.ts';
import { ProviderLocks } from './provider-locks.ts';

/** A flow cannot start because an exclusive flow holds its provider. */
export class FlowBusyError extends HarnessError<'FLOW_BUSY'> {
  constructor(message: string) {
    super('FLOW_BUSY', message, { status: 409 });
  }
}

/** Cookie on the IdP origin that binds a browser (or HTTP cookie jar) to one flow. */
export const FLOW_COOKIE = 'sso_harness_flow';

/**
 * Whether the request carries a flow cookie at all, even one of an ended flow: read from
 * the Cookie header, because a provider's signed cookie jar would not return an unsigned one.
 */
export function carriesFlowCookie(ctx: { get(field: string): string }): boolean {
  return ctx
    .get('cookie')
    .split(';')
    .some((pair) => pair.trim().startsWith(`${FLOW_COOKIE}=`));
}

/** A fault as scenarios write it: a registry name and its parameters. */
export interface FaultRef {
  fault: string;
  params?: Record<string, unknown> | undefined;
}

/** Names of the points in the response paths where faults apply, in the order they run. */
export const samlStages = [
  'model',
  'sign',
  'pre-sign',
  'post-sign',
  'encrypt',
  'deliver',
  'logout',
  'metadata',
] as const;
export const oidcStages = [
  'claims',
  'id-token',
  'token-response',
  'userinfo',
  'jwks',
  'discovery',
  'endpoint',
  'authorization-response',
  'logout-token',
  'frontchannel-logout',
] as const;
export type SamlStage = (typeof samlStages)[number];
export type OidcStage = (typeof oidcStages)[number];

/** What a stage hook may know besides the value it transforms. */
export interface StageContext {
  providerId: string;
  flowId: string;
  /** Anything the stage's owner passes along (the SP, the client, the key factory ...). */
  [key: string]: unknown;
}

/**
 * Per-flow transforms of the response paths. The SAML and OIDC code call `apply` at each
 * named stage; a flow with no faults returns every value unchanged.
 */
export interface FlowHooks {
  apply<T>(protocol: 'saml', stage: SamlStage, value: T, context: StageContext): Promise<T>;
  apply<T>(protocol: 'oidc', stage: OidcStage, value: T, context: StageContext): Promise<T>;
  /** Whether any fault of this flow acts at the stage (lets callers skip work). */
  has(protocol: 'saml' | 'oidc', stage: string): boolean;
}

export const noHooks: FlowHooks = {
  apply: async <T>(_p: string, _s: string, value: T) => value,
  has: () => false,
};

export interface FlowSpec {
  scenarioId?: string | undefined;
  title?: string | undefined;
  /** The provider this flow logs in through. */
  providerId?: string | undefined;
  /**
   * The user the IdP asserts without showing its login page. The scenario is the
   * authority here: the IdP asserts this user as given (even one the directory would
   * refuse interactively), because the point is to see what the SP does with it.
   * Undefined: the login page is shown, as without a flow.
   */
  user?: DirectoryUser | undefined;
  faults: FaultRef[];
  /**
   * Set when a fault acts on provider-wide answers that carry no flow cookie (OIDC
   * discovery and JWKS, fetched by the SP's back end). Such a flow must be the only live
   * flow of its provider; the runner schedules it alone, and `create` refuses overlap.
   */
  exclusive?: boolean | undefined;
  /**
   * The run job the flow belongs to. A multi-step scenario makes a flow per login step, one
   * after the other: flows of one job never clash over an exclusive provider.
   */
  job?: string | undefined;
}

export interface Flow extends FlowSpec {
  id: string;
  createdAt: number;
  expiresAt: number;
  /** AuthnRequest IDs and OIDC interaction/grant IDs seen in this flow. */
  requestIds: Set<string>;
  hooks: FlowHooks;
  /**
   * `login` while the flow's login runs; `probe` while the runner reads the SP's probe
   * (and until the next login step): a login request for this flow then means "the SP
   * wants a login again", and the IdP answers with a page that logs nobody in.
   */
  phase: FlowPhase;
  /**
   * Login requests (SAML SSO or IdP-initiated, OIDC authorization) seen since the flow's
   * current login step began. The second one is the SP asking for a login again (after
   * refusing the first response, say) and gets the page that logs nobody in: a login step
   * is judged on one response, and an SP that loops back to the IdP cannot loop forever.
   */
  loginStarts: number;
}

export type FlowPhase = 'login' | 'probe';

/**
 * All live flows. There is no "current scenario": every request finds its own flow
 * from the flow cookie or, failing that, from the request ID it carries.
 */
export class FlowTable {
  /** Which providers the runs of this server use, shared or alone (see `ProviderLocks`). */
  readonly locks = new ProviderLocks();
  private readonly flows = new Map<string, Flow>();
  private readonly byRequestId = new Map<string, string>();
  private readonly ttlMs: number;

  constructor(options: { ttlSeconds: number }) {
    this.ttlMs = options.ttlSeconds * 1000;
  }

  create(spec: FlowSpec, hooks: FlowHooks = noHooks): Flow {
    this.sweep();
    if (spec.providerId) {
      const clash = [...this.flows.values()].find(
        (f) =>
          f.providerId === spec.providerId &&
          (f.exclusive || spec.exclusive) &&
          !(spec.job !== undefined && f.job === spec.job),
      );
      if (clash) {
        throw new FlowBusyError(
          `provider "${spec.providerId}" is held by flow ${clash.id} (${clash.scenarioId ?? 'ad hoc'}); a flow that changes discovery or JWKS must run alone on its provider`,
        );
      }
    }
    const now = Date.now();
    const flow: Flow = {
      ...spec,
      faults: [...spec.faults],
      id: `flow_${randomBytes(12).toString('base64url')}`,
      createdAt: now,
      expiresAt: now + this.ttlMs,
      requestIds: new Set(),
      hooks,
      phase: 'login',
      loginStarts: 0,
    };
    this.flows.set(flow.id, flow);
    return flow;
  }

  get(id: string | undefined): Flow | undefined {
    if (!id) return undefined;
    const flow = this.flows.get(id);
    if (flow && flow.expiresAt < Date.now()) {
      this.remove(id);
      return undefined;
    }
    return flow;
  }

  /** Remembers a request ID (AuthnRequest ID, interaction uid) as a second key to the flow. */
  bindRequest(flow: Flow, requestId: string): void {
    flow.requestIds.add(requestId);
    this.byRequestId.set(requestId, flow.id);
  }

  byRequest(requestId: string | undefined): Flow | undefined {
    return requestId ? this.get(this.byRequestId.get(requestId)) : undefined;
  }

  /**
   * The live exclusive flow of a provider: the one whose faults apply to requests that
   * carry no flow cookie (discovery, JWKS).
   */
  exclusiveFlow(providerId: string): Flow | undefined {
    // The newest: a multi-step job's later login step holds the provider after its earlier one.
    let found: Flow | undefined;
    for (const flow of this.flows.values()) {
      if (flow.exclusive && flow.providerId === providerId && flow.expiresAt >= Date.now()) found = flow;
    }
    return found;
  }

  /** Moves a flow between its login and its probe (see `Flow.phase`); unknown ids are ignored. */
  setPhase(id: string, phase: FlowPhase): void {
    const flow = this.flows.get(id);
    if (!flow) return;
    flow.phase = phase;
    if (phase === 'login') flow.loginStarts = 0;
  }

  remove(id: string): void {
    const flow = this.flows.get(id);
    if (!flow) return;
    for (const requestId of flow.requestIds) this.byRequestId.delete(requestId);
    this.flows.delete(id);
  }

  get size(): number {
    return this.flows.size;
  }

  private sweep(): void {
    const now = Date.now();
    for (const flow of this.flows.values()) {
      if (flow.expiresAt < now) this.remove(flow.id);
    }
  }
}
