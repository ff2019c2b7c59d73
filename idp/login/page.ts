import { html, page, type SafeHtml } from '../../lib/html.ts';
import type { DirectoryUser } from '../directory/user.ts';

export interface LoginPageInput {
  /** Provider's display name. */
  providerName: string;
  /** Who asked for the login (SP entityID or OIDC client), shown to the user. */
  requester: string;
  /** Where the form posts. */
  action: string;
  /** Fields to carry through the form unchanged (the pending request). */
  hidden: Record<string, string>;
  users: DirectoryUser[];
  allowUnknownUsers: boolean;
  /** Shown above the form after a refused attempt. */
  error?: string | undefined;
  /** Attribute names of this provider's persona, offered for editing. */
  editableAttributes?: string[];
  /** Directory user chosen when the page opens (OIDC `login_hint`); default: the first. */
  selectedUser?: string | undefined;
  /** Email filled in for a user outside the directory (a `login_hint` email). */
  email?: string | undefined;
}

/**
 * The IdP's login page: plain HTML that works without JavaScript (a script or a screen
 * reader can drive it). Pick a directory user, or type an email when the provider allows
 * unknown users; optionally add attributes to send; or cancel.
 */
export function renderLoginPage(input: LoginPageInput): string {
  const hidden = Object.entries(input.hidden).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  );
  const selected = input.users.some((u) => u.id === input.selectedUser)
    ? input.selectedUser
    : input.users[0]?.id;
  const userOptions = input.users.map(
    (
      u,
    ) => html`<label><input type="radio" name="user" value="${u.id}"${u.id === selected ? ' checked' : ''}${u.disabled ? ' data-disabled="true"' : ''}>
 ${u.displayName} &lt;${u.email}&gt;${u.groups.length ? html` <span class="note">(${u.groups.join(', ')})</span>` : ''}${u.disabled ? html` <span class="note">(disabled)</span>` : ''}</label>`,
  );
  const unknown: SafeHtml | string = input.allowUnknownUsers
    ? html`<fieldset><legend>Or any email</legend>
<label for="email">Email of a user that is not in the directory (leave empty to use the choice above)</label>
<input type="email" id="email" name="email" autocomplete="off" value="${input.email ?? ''}">
</fieldset>`
    : '';
  return page(
    `Sign in: ${input.providerName}`,
    html`<main>
<h1>Sign in to ${input.providerName}</h1>
<p>Requested by <code>${input.requester}</code>. This is a test identity provider (sso-harness).</p>
${input.error ? html`<div class="error" role="alert"><p>${input.error}</p></div>` : ''}
<form method="post" action="${input.action}">
${hidden}
<fieldset><legend>Test user</legend>
${userOptions.length ? userOptions : html`<p>No users are configured for this provider.</p>`}
</fieldset>
${unknown}
<details><summary>Extra attributes to send</summary>
<label for="attributes">One per line, <code>name=value</code>; repeat a name for several values.${input.editableAttributes?.length ? html` Names this provider sends: ${input.editableAttributes.join(', ')}.` : ''}</label>
<textarea id="attributes" name="attributes" rows="4"></textarea>
</details>
<p><button type="submit" name="action" value="login">Sign in</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button></p>
</form>
</main>`,
  );
}
