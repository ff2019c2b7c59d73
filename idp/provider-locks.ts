import { EventEmitter } from 'node:events';

/**
 * Who uses each provider right now, across every run of one server: logins that share
 * it, or one that needs it alone (its faults change provider-wide answers such as OIDC
 * discovery and JWKS). A scheduler asks `canTake` before it starts a task and `take`s
 * the provider when it does; 'release' tells waiting schedulers to look again. A run
 * whose exclusive task waits `reserve`s the provider, so other runs' logins stop joining
 * and the exclusive one is not starved.
 */
export class ProviderLocks extends EventEmitter<{ release: [] }> {
  private readonly uses = new Map<string, { shared: number; exclusive: boolean }>();
  private readonly reservations = new Map<string, object>();

  canTake(providerId: string, exclusive: boolean, owner: object): boolean {
    const use = this.uses.get(providerId);
    const reservedBy = this.reservations.get(providerId);
    if (reservedBy && reservedBy !== owner) return false;
    if (exclusive) return !use || (use.shared === 0 && !use.exclusive);
    return !use?.exclusive;
  }

  /** Takes the provider; the returned function gives it back (once). */
  take(providerId: string, exclusive: boolean, owner: object): () => void {
    const use = this.uses.get(providerId) ?? { shared: 0, exclusive: false };
    if (exclusive) {
      use.exclusive = true;
      if (this.reservations.get(providerId) === owner) this.reservations.delete(providerId);
    } else use.shared++;
    this.uses.set(providerId, use);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) use.exclusive = false;
      else use.shared--;
      if (use.shared === 0 && !use.exclusive) this.uses.delete(providerId);
      this.emit('release');
    };
  }

  /** Holds back other owners' logins on the provider until `owner` takes it alone. */
  reserve(providerId: string, owner: object): void {
    if (!this.reservations.has(providerId)) this.reservations.set(providerId, owner);
  }

  /** Drops every reservation of an owner (its run ended). */
  cancel(owner: object): void {
    for (const [providerId, holder] of this.reservations) {
      if (holder === owner) this.reservations.delete(providerId);
    }
    this.emit('release');
  }
}
