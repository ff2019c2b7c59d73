import { EventEmitter } from 'node:events';

export type TraceDirection = 'in' | 'out' | 'note';

/**
 * Who signed a message, where the IdP knows it: the elements (SAML) or tokens (OIDC)
 * that carry a signature, the algorithm, and the key factory kind (current, next,
 * expired, rogue, ...) the harness signed with. `signed: []` means the message went
 * out unsigned.
 */
export interface TraceSignature {
  /** Signed parts: `Response`, `Assertion`, `query string` (HTTP-Redirect), `id_token` ... */
  signed: string[];
  /** Signature algorithm: a config name (`rsa-sha256`) or a JWS `alg` (`RS256`). */
  alg?: string | undefined;
  /** The harness key kind that made the signature, when the harness signed it. */
  keyKind?: string | undefined;
}

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
  /** What carries a signature and who made it, where the IdP knows it. */
  signature?: TraceSignature | undefined;
}

export type TraceInput = Omit<TraceEntry, 'id' | 'time' | 'flowId' | 'provider' | 'decoded'> & {
  provider?: string | undefined;
  flowId?: string | undefined;
  /**
   * The decoded message, or a function that decodes it: decoding (pretty XML, JSON) is
   * deferred until someone reads the entry, so a busy IdP pays nothing for unread traces.
   */
  decoded?: string | (() => string) | undefined;
  /**
   * Bytes the lazy `decoded` function holds on to (the message it will decode), so the
   * trace's byte budget counts what it keeps alive. Cut the message to `maxEntryBytes`
   * before handing it over (see `cutText`).
   */
  decodedBytes?: number | undefined;
};

export interface TraceOptions {
  /** Entries kept in the global log. */
  limit: number;
  /** Entries kept per flow (a flow's evidence must outlive the global log's churn). */
  perFlowLimit?: number;
  /** Flows whose entries are kept. */
  flowLimit?: number;
  /** Bytes of text all kept entries may hold (global log and per-flow copies together). */
  maxBytes?: number;
  /** Bytes of one text field of an entry; longer ones are cut with a note. */
  maxEntryBytes?: number;
}

/** Cuts text to `limit` characters, saying how much was left out. */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // A copy, not a slice: V8 keeps a slice's whole parent string alive.
  return `${Buffer.from(text.slice(0, limit)).toString()}\n... (cut: ${text.length - limit} more characters; the trace keeps ${limit} per message, trace.maxEntryBytes)`;
}

const textFields = ['summary', 'url', 'raw', 'relayState', 'error', 'decoded'] as const;
/** What an entry costs besides its text (object, numbers, short strings). */
const ENTRY_OVERHEAD = 300;

/**
 * Bounded in-memory log of decoded messages. Listeners of 'entry' get each one live
 * (the UI's trace view); a flow's own entries are kept apart so a busy IdP cannot push
 * a running scenario's evidence out.
 */
export class Trace extends EventEmitter<{ entry: [TraceEntry]; clear: [] }> {
  /** The global log, oldest first from `head` (a queue: dropping the oldest must not copy the rest). */
  private entries: Array<TraceEntry | undefined> = [];
  private head = 0;
  private readonly byFlow = new Map<string, TraceEntry[]>();
  private nextId = 1;
  private readonly limit: number;
  private readonly perFlowLimit: number;
  private readonly flowLimit: number;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;
  /** Cost and holders (global log, its flow) of each kept entry. */
  private readonly held = new WeakMap<TraceEntry, { bytes: number; refs: number }>();
  private bytes = 0;

  constructor(options: TraceOptions) {
    super();
    this.limit = options.limit;
    this.perFlowLimit = options.perFlowLimit ?? 200;
    this.flowLimit = options.flowLimit ?? 5000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntryBytes = options.maxEntryBytes ?? 256 * 1024;
  }

  /** Bytes of text the kept entries hold (an estimate: characters plus a fixed overhead each). */
  get heldBytes(): number {
    return this.bytes;
  }

  record(input: TraceInput): TraceEntry {
    const { decoded, decodedBytes, ...rest } = input;
    const entry = {
      ...rest,
      provider: input.provider,
      flowId: input.flowId,
      id: this.nextId++,
      time: isoNow(),
    } as TraceEntry;
    const cap = this.maxEntryBytes;
    if (typeof decoded === 'function') defineLazy(entry, 'decoded', () => cutText(decoded(), cap));
    else entry.decoded = decoded;
    let bytes = ENTRY_OVERHEAD + (typeof decoded === 'function' ? Math.min(decodedBytes ?? 0, cap) * 3 : 0);
    for (const field of textFields) {
      if (field === 'decoded' && typeof decoded === 'function') continue;
      const value = entry[field];
      if (typeof value !== 'string') continue;
      if (value.length > cap) entry[field] = cutText(value, cap);
      bytes += entry[field]!.length;
    }
    this.held.set(entry, { bytes, refs: 0 });
    this.hold(entry);
    this.entries.push(entry);
    while (this.entries.length - this.head > this.limit) this.release(this.dropOldest());
    if (entry.flowId) this.keepForFlow(entry.flowId, entry);
    this.settle();
    this.emit('entry', entry);
    return entry;
  }

  private hold(entry: TraceEntry): void {
    const cost = this.held.get(entry);
    if (!cost) return;
    if (cost.refs++ === 0) this.bytes += cost.bytes;
  }

  private release(entry: TraceEntry): void {
    const cost = this.held.get(entry);
    if (!cost || cost.refs === 0) return;
    if (--cost.refs === 0) this.bytes -= cost.bytes;
  }

  /**
   * Drops the oldest kept text until the byte budget holds: the global log's oldest entry
   * or the oldest flow's copies, whichever began first.
   */
  private settle(): void {
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries[this.head];
      const [flowId, flowEntries] = this.byFlow.entries().next().value ?? [];
      if (oldest && (!flowEntries?.[0] || oldest.id <= flowEntries[0].id)) {
        this.release(this.dropOldest());
      } else if (flowId !== undefined) {
        this.forgetFlow(flowId);
      } else {
        break;
      }
    }
  }

  private keepForFlow(flowId: string, entry: TraceEntry): void {
    let list = this.byFlow.get(flowId);
    if (!list) {
      list = [];
      this.byFlow.set(flowId, list);
      if (this.byFlow.size > this.flowLimit) {
        const oldest = this.byFlow.keys().next().value;
        if (oldest !== undefined) this.forgetFlow(oldest);
      }
    }
    list.push(entry);
    this.hold(entry);
    if (list.length > this.perFlowLimit) this.release(list.shift()!);
  }

  list(filter: { provider?: string; flowId?: string; sinceId?: number } = {}): TraceEntry[] {
    const source = filter.flowId ? (this.byFlow.get(filter.flowId) ?? []) : this.globalLog();
    return source.filter(
      (e) =>
        (filter.provider === undefined || e.provider === filter.provider) &&
        (filter.sinceId === undefined || e.id > filter.sinceId),
    );
  }

  /** Forgets one flow's entries (the runner calls this once it has copied them). */
  forgetFlow(flowId: string): void {
    const list = this.byFlow.get(flowId);
    if (!list) return;
    this.byFlow.delete(flowId);
    for (const entry of list) this.release(entry);
  }

  clear(): void {
    for (const entry of this.globalLog()) this.release(entry);
    this.entries = [];
    this.head = 0;
    this.emit('clear');
  }

  private globalLog(): TraceEntry[] {
    return this.entries.slice(this.head) as TraceEntry[];
  }

  private dropOldest(): TraceEntry {
    const oldest = this.entries[this.head]!;
    this.entries[this.head++] = undefined;
    if (this.head >= 1024 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return oldest;
  }
}

let lastMs = 0;
let lastIso = '';

/** The time now as ISO 8601 (one Date per millisecond, however many entries it has). */
function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
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
