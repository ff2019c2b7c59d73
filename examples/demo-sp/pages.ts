import { html, page, type SafeHtml } from '../../lib/html.ts';
import type { LoginRefused } from './errors.ts';
import type { PublicUser } from './users.ts';

export interface ConnectionLink {
  name: string;
  displayName: string;
  protocol: 'saml' | 'oidc';
  disabled: boolean;
}

const TITLE = 'Acme Demo SP';

export function loginPage(options: {
  connections: ConnectionLink[];
  message?: string | undefined;
  email?: string | undefined;
  password?: boolean;
}): string {
  const enabled = options.connections.filter((c) => !c.disabled);
  return page(
    `Sign in — ${TITLE}`,
    html`<h1>Sign in to ${TITLE}</h1>
${options.message ? html`<p class="error" data-reason="login-hint">${options.message}</p>` : ''}
<form method="post" action="/login/email">
<fieldset><legend>Continue with your work email</legend>
<label>Email <input type="email" name="email" required value="${options.email ?? ''}" autocomplete="username"></label>
<button type="submit">Continue</button>
</fieldset>
</form>
${
  options.password
    ? html`<form method="post" action="/login/password">
<fieldset><legend>Password</legend>
<input type="hidden" name="email" value="${options.email ?? ''}">
<label>Password <input type="password" name="password" required autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</fieldset>
</form>`
    : ''
}
<fieldset><legend>Or choose your identity provider</legend>
<ul>${enabled.map((c) => html`<li><a href="/login/${encodeURIComponent(c.name)}" data-connection="${c.name}">${c.displayName}</a> <span class="note">${c.protocol.toUpperCase()}</span></li>`)}</ul>
</fieldset>
<p class="note"><a href="/login/password">Sign in with a password</a> (password accounts and the break-glass administrator).</p>`,
  );
}

export function passwordPage(email?: string, message?: string): string {
  return page(
    `Password sign-in — ${TITLE}`,
    html`<h1>Sign in with a password</h1>
${message ? html`<p class="error" data-reason="password-invalid">${message}</p>` : ''}
<form method="post" action="/login/password">
<label>Email <input type="email" name="email" required value="${email ?? ''}" autocomplete="username"></label>
<label>Password <input type="password" name="password" required autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
<p><a href="/login?picker=1">Back to single sign-on</a></p>`,
  );
}

export function accountPage(user: PublicUser, connectionName: string | undefined): string {
  return page(
    `Account — ${TITLE}`,
    html`<h1>Signed in</h1>
<dl id="account" data-user-email="${user.email}">
<dt>Email</dt><dd data-field="email">${user.email}</dd>
<dt>NameID / subject</dt><dd data-field="nameId">${user.nameId ?? '—'}</dd>
<dt>External ID</dt><dd data-field="externalId">${user.externalId ?? '—'}</dd>
<dt>Roles</dt><dd data-field="roles">${user.roles.join(', ')}</dd>
<dt>Organisation</dt><dd data-field="org">${user.org}</dd>
<dt>Signed in through</dt><dd data-field="connection">${connectionName ?? 'password'}</dd>
</dl>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  );
}

export function refusalPage(error: LoginRefused): string {
  return page(
    `Sign-in refused — ${TITLE}`,
    html`<main id="refusal" data-reason="${error.reason}" data-connection="${error.connection ?? ''}">
<h1>Sign-in refused</h1>
<p class="error">${error.message}</p>
<p class="note">Reason code: <code>${error.reason}</code>${error.connection ? html` · connection <code>${error.connection}</code>` : ''}</p>
<p><a href="/login?picker=1">Back to sign-in</a></p>
</main>`,
    { status: 'error' },
  );
}

export function simplePage(title: string, body: SafeHtml): string {
  return page(`${title} — ${TITLE}`, body);
}
