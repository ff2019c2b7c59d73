import type { Config } from '../../config/schema.ts';
import { type DirectoryUser, userFromConfig } from './user.ts';

export type LoginRefusal =
  | { reason: 'unknown-user'; message: string }
  | { reason: 'disabled-user'; message: string }
  | { reason: 'wrong-provider'; message: string };

/** The test users of the configuration, and who may log in where. */
export class Directory {
  private readonly users: Map<string, DirectoryUser>;

  constructor(config: Pick<Config, 'users'>) {
    this.users = new Map(Object.entries(config.users).map(([id, u]) => [id, userFromConfig(id, u)]));
  }

  all(): DirectoryUser[] {
    return [...this.users.values()];
  }

  get(id: string): DirectoryUser | undefined {
    return this.users.get(id);
  }

  /** Exact (case-insensitive) email match; the directory's own spelling is returned. */
  findByEmail(email: string): DirectoryUser | undefined {
    const wanted = email.trim().toLowerCase();
    return this.all().find((u) => u.email.toLowerCase() === wanted);
  }

  /** Users who may log in through a provider, in config order. */
  usersFor(providerId: string): DirectoryUser[] {
    return this.all().filter((u) => !u.providers || u.providers.includes(providerId));
  }

  /** Why this user may not log in through this provider, or undefined if they may. */
  refusal(user: DirectoryUser, providerId: string): LoginRefusal | undefined {
    if (user.disabled) {
      return { reason: 'disabled-user', message: `${user.email} is disabled at this identity provider` };
    }
    if (user.providers && !user.providers.includes(providerId)) {
      return {
        reason: 'wrong-provider',
        message: `${user.email} belongs to ${user.providers.join(', ')}, not to ${providerId}`,
      };
    }
    return undefined;
  }
}
