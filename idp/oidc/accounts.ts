import { randomBytes } from 'node:crypto';
import type { Directory } from '../directory/directory.ts';
import type { DirectoryUser } from '../directory/user.ts';
import type { Flow } from '../flows.ts';
import type { PersonaContext } from '../personas/types.ts';
import { type OidcPersona, subjectOf } from './claims.ts';

/**
 * Who an OIDC account is. A directory user's account ID is their subject at this
 * provider (so `id_token_hint` matches the session). Anyone else (an email typed in,
 * a user with attributes edited on the login page, a scenario's made-up user) gets an
 * account ID of their own for this login, kept in a bounded map.
 */
export class Accounts {
  private readonly variants = new Map<string, DirectoryUser>();
  private bySubject: Map<string, DirectoryUser> | undefined;
  private readonly persona: OidcPersona;
  private readonly personaContext: PersonaContext;
  private readonly directory: Directory;
  private readonly limit: number;

  constructor(options: {
    persona: OidcPersona;
    personaContext: PersonaContext;
    directory: Directory;
    limit?: number;
  }) {
    this.persona = options.persona;
    this.personaContext = options.personaContext;
    this.directory = options.directory;
    this.limit = options.limit ?? 10_000;
  }

  subjectOf(user: DirectoryUser): string {
    return subjectOf(this.persona, user, this.personaContext);
  }

  /** The account ID a login of this user gets. */
  register(user: DirectoryUser): string {
    const subject = this.subjectOf(user);
    if (this.directory.get(user.id) === user) return subject;
    const accountId = `${subject}~${randomBytes(6).toString('base64url')}`;
    this.variants.set(accountId, user);
    if (this.variants.size > this.limit) {
      const oldest = this.variants.keys().next().value;
      if (oldest !== undefined) this.variants.delete(oldest);
    }
    return accountId;
  }

  /**
   * The user behind an account. A flow's own user wins when its subject matches, so a
   * scenario's user is asserted exactly as the scenario gave it.
   */
  find(accountId: string, flow: Flow | undefined): DirectoryUser | undefined {
    const subject = accountId.split('~')[0]!;
    if (flow?.user && this.subjectOf(flow.user) === subject) return flow.user;
    return this.variants.get(accountId) ?? this.directoryUsers().get(subject);
  }

  private directoryUsers(): Map<string, DirectoryUser> {
    this.bySubject ??= new Map(this.directory.all().map((u) => [this.subjectOf(u), u]));
    return this.bySubject;
  }
}
