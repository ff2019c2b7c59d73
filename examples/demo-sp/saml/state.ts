import { randomBytes } from 'node:crypto';
import { MetadataCache } from './metadata.ts';

const REQUEST_TTL_MS = 10 * 60_000;

/**
 * AuthnRequests this SP sent, by ID. An ID stays valid until it expires rather than
 * being consumed: a replayed response is the replay cache's job, so that each check
 * (InResponseTo, replay) can be switched off alone.
 */
export class RequestLog {
  private readonly requests = new Map<string, { connection: string; issuedAt: number }>();

  issue(connection: string, now: number): string {
    this.sweep(now);
    const id = `_${randomBytes(20).toString('hex')}`;
    this.requests.set(id, { connection, issuedAt: now });
    return id;
  }

  find(id: string, now: number): { connection: string; issuedAt: number } | undefined {
    const entry = this.requests.get(id);
    return entry && now - entry.issuedAt <= REQUEST_TTL_MS ? entry : undefined;
  }

  private sweep(now: number): void {
    for (const [id, entry] of this.requests)
      if (now - entry.issuedAt > REQUEST_TTL_MS) this.requests.delete(id);
  }
}

/** Assertion IDs already consumed, kept until the assertion could no longer be accepted. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  /** True when the ID was already used; otherwise records it until `untilMs`. */
  check(id: string, untilMs: number, now: number): boolean {
    for (const [key, until] of this.seen) if (until < now) this.seen.delete(key);
    if (this.seen.has(id)) return true;
    this.seen.set(id, untilMs);
    return false;
  }
}

export interface SamlState {
  metadata: MetadataCache;
  requests: RequestLog;
  replay: ReplayCache;
}

export function createSamlState(options: {
  metadataMaxAgeMs: number;
  now: () => number;
  /** Lax `metadata-pinned`: the first metadata read is kept for good. */
  pinned?: boolean;
}): SamlState {
  return {
    metadata: new MetadataCache({
      maxAgeMs: options.metadataMaxAgeMs,
      now: options.now,
      pinned: options.pinned ?? false,
    }),
    requests: new RequestLog(),
    replay: new ReplayCache(),
  };
}
