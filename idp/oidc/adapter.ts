import type { Adapter, AdapterPayload } from 'oidc-provider';

/** Models whose records belong to a grant (revoked with it). */
const grantable = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * One provider's store of sessions, interactions, grants and tokens, in memory and
 * bounded. Each provider has its own, so two providers on one host never see each
 * other's records (the library's quick-start adapter shares one small store).
 */
export class MemoryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly uidIndex = new Map<string, string>();
  private readonly userCodeIndex = new Map<string, string>();
  private readonly grantMembers = new Map<string, Set<string>>();
  private readonly limit: number;

  // A test IdP needs recent logins only; 10,000 records is some 1,500 logins per provider.
  constructor(limit = 10_000) {
    this.limit = limit;
  }

  /** The adapter factory the library's `adapter` option takes. */
  adapterFor = (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: async (id, payload, expiresIn) => this.upsert(model, key(id), payload, expiresIn),
      find: async (id) => this.find(key(id)),
      findByUid: async (uid) => {
        const id = this.uidIndex.get(uid);
        return id === undefined ? undefined : this.find(key(id));
      },
      findByUserCode: async (userCode) => {
        const id = this.userCodeIndex.get(userCode);
        return id === undefined ? undefined : this.find(key(id));
      },
      consume: async (id) => {
        const entry = this.entries.get(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => this.remove(key(id)),
      revokeByGrantId: async (grantId) => {
        for (const member of this.grantMembers.get(grantId) ?? []) this.remove(member);
        this.grantMembers.delete(grantId);
      },
    };
  };

  get size(): number {
    return this.entries.size;
  }

  private upsert(model: string, key: string, payload: AdapterPayload, expiresIn: number | undefined): void {
    this.remove(key);
    const expiresAt =
      typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
    this.entries.set(key, { payload, expiresAt });
    const id = key.slice(model.length + 1);
    if (model === 'Session' && payload.uid) this.uidIndex.set(payload.uid, id);
    if (payload.userCode) this.userCodeIndex.set(payload.userCode, id);
    if (grantable.has(model) && payload.grantId) {
      let members = this.grantMembers.get(payload.grantId);
      if (!members) {
        members = new Set();
        this.grantMembers.set(payload.grantId, members);
      }
      members.add(key);
    }
    if (this.entries.size > this.limit) this.evictOldest();
  }

  private find(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    return entry.payload;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const { uid, userCode, grantId } = entry.payload;
    const id = key.slice(key.indexOf(':') + 1);
    if (uid && this.uidIndex.get(uid) === id) this.uidIndex.delete(uid);
    if (userCode && this.userCodeIndex.get(userCode) === id) this.userCodeIndex.delete(userCode);
    if (grantId) this.grantMembers.get(grantId)?.delete(key);
  }

  /** Drops expired records, then the oldest tenth if still full (Map keeps insertion order). */
  private evictOldest(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.remove(key);
    }
    if (this.entries.size <= this.limit) return;
    let excess = this.entries.size - Math.floor(this.limit * 0.9);
    for (const key of this.entries.keys()) {
      if (excess-- <= 0) break;
      this.remove(key);
    }
  }
}
