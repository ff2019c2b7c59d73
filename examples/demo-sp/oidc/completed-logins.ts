import type { OidcLogin } from './callback.ts';

const LIMIT = 1000;

/**
 * Lax (`code-replay`): logins remembered by the code that completed them, so that the
 * same redirect URI request, sent again from anywhere, logs the same user in without
 * asking the IdP. A careful SP has nothing like it: a code is used once, by the browser
 * that started the login.
 */
export class CompletedLogins {
  private readonly byCode = new Map<string, OidcLogin>();

  get(connection: string, code: string | null): OidcLogin | undefined {
    return code ? this.byCode.get(`${connection} ${code}`) : undefined;
  }

  remember(connection: string, code: string | null, login: OidcLogin): void {
    if (!code) return;
    this.byCode.set(`${connection} ${code}`, login);
    if (this.byCode.size > LIMIT) this.byCode.delete(this.byCode.keys().next().value!);
  }
}
