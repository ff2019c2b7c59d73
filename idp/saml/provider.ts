import type { Context } from 'koa';
import type { SamlProviderConfig } from '../../config/schema.ts';
import type { IdpContext } from '../context.ts';
import type { Flow } from '../flows.ts';
import type { HarnessState } from '../http/error-middleware.ts';
import type { KeyMaterial } from '../keys/factory.ts';
import { personas } from '../personas/index.ts';
import type { Persona, PersonaContext } from '../personas/types.ts';
import { BoundedStore } from './bounded-store.ts';
import type { BindingName } from './constants.ts';
import type { AuthnRequestInfo } from './messages.ts';
import { SessionStore } from './session.ts';
import { SpRegistry } from './sps/registry.ts';
import type { ServiceProvider } from './sps/types.ts';
import { type SamlTraceInput, traceSaml } from './trace.ts';

/** A login waiting for the user to pick who they are on the login page. */
export interface PendingLogin {
  sp: ServiceProvider;
  /** undefined for IdP-initiated login. */
  request: AuthnRequestInfo | undefined;
  acsUrl: string;
  relayState: string | undefined;
  flowId: string | undefined;
  binding: BindingName | undefined;
}

/** An IdP-initiated LogoutRequest waiting for the SP's LogoutResponse. */
export interface PendingLogout {
  spName: string;
  flowId: string | undefined;
}

/** How many logins may wait on the login page at once, and for how long. */
const PENDING_LIMIT = 1000;
const PENDING_TTL_MS = 15 * 60_000;

/**
 * Everything one SAML provider keeps between requests: its SPs, browser sessions,
 * logins waiting on the login page, and logouts waiting for an answer.
 */
export class SamlProvider {
  readonly id: string;
  readonly config: SamlProviderConfig;
  readonly context: IdpContext;
  readonly entityId: string;
  /** `<server>/saml/<id>` */
  readonly base: string;
  readonly path: string;
  readonly persona: Persona;
  readonly personaContext: PersonaContext;
  readonly sps: SpRegistry;
  readonly sessions: SessionStore;
  readonly pendingLogins = new BoundedStore<PendingLogin>({ limit: PENDING_LIMIT, ttlMs: PENDING_TTL_MS });
  readonly pendingLogouts = new BoundedStore<PendingLogout>({ limit: PENDING_LIMIT, ttlMs: PENDING_TTL_MS });

  constructor(id: string, config: SamlProviderConfig, context: IdpContext) {
    this.id = id;
    this.config = config;
    this.context = context;
    this.path = `/saml/${encodeURIComponent(id)}`;
    this.base = `${context.baseUrl}${this.path}`;
    this.entityId = config.entityId ?? this.base;
    this.persona = personas[config.persona];
    this.personaContext = {
      providerId: id,
      tenantId: undefined,
      hostedDomain: undefined,
      groupsOverageThreshold: 200,
    };
    this.sps = new SpRegistry({ baseDir: context.baseDir, log: context.log });
    this.sessions = new SessionStore({
      providerId: id,
      path: this.path,
      ttlSeconds: config.sessionLifetimeSeconds,
    });
  }

  get displayName(): string {
    return this.config.displayName ?? this.id;
  }

  signingKey(): Promise<KeyMaterial> {
    return this.context.keys.get(this.id, 'current');
  }

  /**
   * The flow of this request: the flow cookie's (then bound to the request ID), or the one
   * the request ID was bound to before. A flow of another provider is not this login's.
   */
  findFlow(ctx: Context, requestId?: string): Flow | undefined {
    const state = ctx.state as HarnessState;
    const mine = (flow: Flow | undefined) =>
      flow && (!flow.providerId || flow.providerId === this.id) ? flow : undefined;
    const byCookie = mine(this.context.flows.get(state.flowId));
    if (byCookie) {
      if (requestId) this.context.flows.bindRequest(byCookie, requestId);
      return byCookie;
    }
    const byRequest = mine(this.context.flows.byRequest(requestId));
    if (byRequest) state.flowId = byRequest.id;
    return byRequest;
  }

  /** Traces a message; method and URL default to the request's (set them for outgoing messages). */
  trace(ctx: Context, input: Omit<SamlTraceInput, 'providerId'>): void {
    traceSaml(this.context, { providerId: this.id, method: ctx.method, url: ctx.url, ...input });
  }
}
