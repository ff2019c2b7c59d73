import { EventEmitter } from 'node:events';

export type TraceDirection = 'in' | 'out' | 'note';

/** One SSO message passing through the IdP, decoded. */
export interface TraceEntry {
  id: number;
  time: string;
  provider: string | undefined;
  /** The flow (scenario run) this message belongs to, if any. */
  flowId: string | undefined;
  protocol: 'saml' | 'oidc' | 'http' | 'scim';
  direction: TraceDirection;
  /** HTTP-Redirect, HTTP-POST, query, form_post, back-channel, ... */
  binding: string | undefined;
  /** AuthnRequest, Response, LogoutRequest, authorization, token, id_token, error, ... */
  kind: string;
  /** One line for lists. */
  summary: string;
  /** HTTP method and URL the message travelled with. */
  method?: string | undefined;
  url?: string | undefined;
  /** Pretty XML or JSON. */
  decoded?: string | undefined;
  /** The message as it travelled (base64, compact JWT, query string). */
  raw?: string | undefined;
  /** RelayState / state. */
  relayState?: string | undefined;
  error?: string | undefined;
}

export type TraceInput = Omit<TraceEntry, 'id' | 'time' | 'flowId' | 'provider' | 'decoded'> & {
  provider?: string | undefined;
  flowId?: string | undefined;
  /**
   * The decoded message, or a function that decodes it: decoding (pretty XML, JSON) is
   * deferred until someone reads the entry, so a busy IdP pays nothing for unread traces.
   */
  decoded?: string | (() => string) | undefined;
};

export interface TraceOptions {
  /** Entries kept in the global log. */
  limit: number;
  /** Entries kept per flow (a flow's evidence must outlive the global log's churn). */
  perFlowLimit?: number;
  /** Flows whose entries are kept. */
  flowLimit?: number;
}

/**
 * Bounded in-memory log of decoded messages. Listeners of 'entry' get each one live
 * (the UI's trace view); a flow's own entries are kept apart so a busy IdP cannot push
 * a running scenario's evidence out.
 */
export class Trace extends EventEmitter<{ entry: [TraceEntry]; clear: [] }> {
  private readonly entries: TraceEntry[] = [];
  private readonly byFlow = new Map<string, TraceEntry[]>();
  private nextId = 1;
  private readonly limit: number;
  private readonly perFlowLimit: number;
  private readonly flowLimit: number;

  constructor(options: TraceOptions) {
    super();
    this.limit = options.limit;
    this.perFlowLimit = options.perFlowLimit ?? 200;
    this.flowLimit = options.flowLimit ?? 5000;
  }

  record(input: TraceInput): TraceEntry {
    const { decoded, ...rest } = input;
    const entry = {
      ...rest,
      provider: input.provider,
      flowId: input.flowId,
      id: this.nextId++,
      time: new Date().toISOString(),
    } as TraceEntry;
    if (typeof decoded === 'function') defineLazy(entry, 'decoded', decoded);
    else entry.decoded = decoded;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    if (entry.flowId) this.keepForFlow(entry.flowId, entry);
    this.emit('entry', entry);
    return entry;
  }

  private keepForFlow(flowId: string, entry: TraceEntry): void {
    let list = this.byFlow.get(flowId);
    if (!list) {
      list = [];
      this.byFlow.set(flowId, list);
      if (this.byFlow.size > this.flowLimit) {
        const oldest = this.byFlow.keys().next().value;
        if (oldest !== undefined) this.byFlow.delete(oldest);
      }
    }
    list.push(entry);
    if (list.length > this.perFlowLimit) list.shift();
  }

  list(filter: { provider?: string; flowId?: string; sinceId?: number } = {}): TraceEntry[] {
    const source = filter.flowId ? (this.byFlow.get(filter.flowId) ?? []) : this.entries;
    return source.filter(
      (e) =>
        (filter.provider === undefined || e.provider === filter.provider) &&
        (filter.sinceId === undefined || e.id > filter.sinceId),
    );
  }

  /** Forgets one flow's entries (the runner calls this once it has copied them). */
  forgetFlow(flowId: string): void {
    this.byFlow.delete(flowId);
  }

  clear(): void {
    this.entries.length = 0;
    this.emit('clear');
  }
}

/** An enumerable property computed on first read (JSON.stringify and spreads see the value). */
function defineLazy(target: TraceEntry, key: 'decoded', compute: () => string): void {
  let value: string | undefined;
  let done = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      if (!done) {
        try {
          value = compute();
        } catch (error) {
          value = `(could not decode: ${(error as Error).message})`;
        }
        done = true;
      }
      return value;
    },
    set(next: string | undefined) {
      value = next;
      done = true;
    },
  });
}
