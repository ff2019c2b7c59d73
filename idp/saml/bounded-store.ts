import { randomBytes } from 'node:crypto';

/**
 * An in-memory map with a time to live and a size bound: past `limit` entries the
 * oldest is dropped, so a flood of requests cannot grow the IdP's memory.
 */
export class BoundedStore<T> {
  private readonly items = new Map<string, { value: T; expiresAt: number }>();
  private readonly limit: number;
  private readonly ttlMs: number;

  constructor(options: { limit: number; ttlMs: number }) {
    this.limit = options.limit;
    this.ttlMs = options.ttlMs;
  }

  /** Stores a value under a new opaque key and returns the key. */
  add(value: T): string {
    const key = randomBytes(18).toString('base64url');
    this.set(key, value);
    return key;
  }

  set(key: string, value: T): void {
    this.items.delete(key);
    this.items.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    while (this.items.size > this.limit) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }

  get(key: string | undefined): T | undefined {
    if (!key) return undefined;
    const item = this.items.get(key);
    if (!item) return undefined;
    if (item.expiresAt < Date.now()) {
      this.items.delete(key);
      return undefined;
    }
    return item.value;
  }

  /** Keeps an entry alive for another TTL. */
  touch(key: string): void {
    const item = this.items.get(key);
    if (item) this.set(key, item.value);
  }

  /** Live values, oldest first. */
  *values(): IterableIterator<T> {
    const now = Date.now();
    for (const item of this.items.values()) if (item.expiresAt >= now) yield item.value;
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  get size(): number {
    return this.items.size;
  }
}
