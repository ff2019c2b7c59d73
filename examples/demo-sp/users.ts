import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { UserConfig } from './config.ts';

/** A user account of the demo SP. */
export interface StoredUser {
  id: string;
  email: string;
  org: string;
  roles: string[];
  externalId: string | undefined;
  displayName: string | undefined;
  /** The connection this user logs in through, or password. */
  auth: { connection: string } | { password: string };
  breakGlass: boolean;
  disabled: boolean;
  /** How the account came to be: the SP's seed, a JIT login, or the IdP's SCIM push. */
  provisioned: 'seeded' | 'jit' | 'scim';
  /** Subject (NameID, sub, oid ...) linked per connection. */
  links: Map<string, string>;
}

/** What the probe and the account page show. */
export interface PublicUser {
  email: string;
  nameId: string | null;
  externalId: string | null;
  roles: string[];
  connection: string | null;
  org: string;
}

const key = (s: string) => s.trim().toLowerCase();
const digest = (s: string) => createHash('sha256').update(s).digest();

/** The in-memory user store, seeded from options. */
export class UserStore {
  private readonly users: StoredUser[] = [];
  /** How emails are compared: case-insensitively, unless the SP is lax about it. */
  private readonly emailKey: (s: string) => string;

  constructor(
    seed: readonly UserConfig[],
    defaultOrg: string,
    options: { caseSensitiveEmails?: boolean } = {},
  ) {
    this.emailKey = options.caseSensitiveEmails ? (s) => s.trim() : key;
    for (const u of seed) {
      this.users.push({
        id: randomUUID(),
        email: u.email,
        org: u.org ?? defaultOrg,
        roles: [...(u.roles ?? [])],
        externalId: u.externalId,
        displayName: u.displayName,
        auth: 'password' in u.auth ? { password: u.auth.password } : { connection: u.auth.connection },
        breakGlass: u.breakGlass ?? false,
        disabled: u.disabled ?? false,
        provisioned: 'seeded',
        links: new Map(Object.entries(u.subjects ?? {})),
      });
    }
  }

  all(): readonly StoredUser[] {
    return this.users;
  }

  byEmail(email: string, org?: string): StoredUser | undefined {
    return this.users.find(
      (u) => this.emailKey(u.email) === this.emailKey(email) && (org === undefined || u.org === org),
    );
  }

  byExternalId(externalId: string, org: string): StoredUser | undefined {
    return this.users.find((u) => u.externalId === externalId && u.org === org);
  }

  bySubject(connection: string, subject: string): StoredUser | undefined {
    return this.users.find((u) => u.links.get(connection) === subject);
  }

  provision(
    user: Omit<StoredUser, 'id' | 'provisioned' | 'links' | 'breakGlass' | 'disabled'>,
    how: 'jit' | 'scim' = 'jit',
  ): StoredUser {
    const stored: StoredUser = {
      ...user,
      id: randomUUID(),
      breakGlass: false,
      disabled: false,
      provisioned: how,
      links: new Map(),
    };
    this.users.push(stored);
    return stored;
  }

  /** Removes an account (SCIM DELETE); its sessions find no user afterwards. */
  remove(id: string): boolean {
    const index = this.users.findIndex((u) => u.id === id);
    if (index < 0) return false;
    this.users.splice(index, 1);
    return true;
  }

  /** Checks a password in constant time; undefined when the user has none (SSO users). */
  checkPassword(user: StoredUser, password: string): boolean {
    if (!('password' in user.auth)) return false;
    return timingSafeEqual(digest(user.auth.password), digest(password));
  }
}
