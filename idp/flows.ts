import { randomBytes } from 'node:crypto';
import type { DirectoryUser } from './directory/user.ts';

/** Cookie on the IdP origin that binds a browser (or HTTP cookie jar) to one flow. */
export const FLOW_COOKIE = 'sso_harness_flow';

/** A fault as scenarios write it: a registry name and its parameters. */
export interface FaultRef {
  fault: string;
  params?: Record<string, unknown> | undefined;
}

/** Names of the points in the response paths where faults apply, in the order they run. */
export const samlStages = ['model', 'sign', 'post-sign', 'deliver'] as const;
export const oidcStages = [
  'claims',
  'id-token',
  'token-response',
  'userinfo',
  'jwks',
  'discovery',
  'endpoint',
  'authorization-response',
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
  providerId?: string | undefined;
  /** User to log in without showing the login page (a directory id). */
  userId?: string | undefined;
  /** A user that is not in the directory (unknown-user scenarios). */
  user?: Partial<DirectoryUser> | undefined;
  faults: FaultRef[];
}

export interface Flow extends FlowSpec {
  id: string;
  createdAt: number;
  expiresAt: number;
  /** AuthnRequest IDs and OIDC interaction/grant IDs seen in this flow. */
  requestIds: Set<string>;
  hooks: FlowHooks;
}

/**
 * All live flows. There is no "current scenario": every request finds its own flow
 * from the flow cookie or, failing that, from the request ID it carries.
 */
export class FlowTable {
  private readonly flows = new Map<string, Flow>();
  private readonly byRequestId = new Map<string, string>();
  private readonly ttlMs: number;

  constructor(options: { ttlSeconds: number }) {
    this.ttlMs = options.ttlSeconds * 1000;
  }

  create(spec: FlowSpec, hooks: FlowHooks = noHooks): Flow {
    this.sweep();
    const now = Date.now();
    const flow: Flow = {
      ...spec,
      faults: [...spec.faults],
      id: `flow_${randomBytes(12).toString('base64url')}`,
      createdAt: now,
      expiresAt: now + this.ttlMs,
      requestIds: new Set(),
      hooks,
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
