import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { ProvisioningState, TraceEntry } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import { styles } from './styles.ts';

type UserAction = 'push' | 'deactivate' | 'reactivate' | 'delete';
const EXCHANGES = 8;

/**
 * Provisioning per provider: the directory users and groups the IdP pushes to the SP over
 * SCIM in its dialect, what the SP holds of them, buttons to push, deactivate, reactivate
 * and delete, and the last SCIM exchanges decoded (secrets masked).
 */
export class ProvisioningView extends ApiElement {
  static override properties = { busy: { state: true }, message: { state: true }, failure: { state: true } };
  static override styles = [theme, styles];
  busy = '';
  message: { ok: boolean; text: string } | undefined = undefined;
  failure: unknown = undefined;

  private readonly data = new Task(this, {
    task: async () => {
      const [providers, trace] = await Promise.all([this.api.provisioning(), this.api.trace()]);
      return { providers, trace: trace.filter((e) => e.protocol === 'scim') };
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Provisioning</h1>
      <p class="muted">
        What each identity provider pushes to its SP over SCIM 2.0, in that IdP's dialect. Deactivating a user here
        is what the IdP sends when an employee leaves: their SP session should end.
      </p>
      ${this.message ? html`<p class="note ${this.message.ok ? 'ok' : 'bad'}" role="status">${this.message.text}</p>` : nothing}
      ${this.failure ? html`<error-note context="The action failed" .error=${this.failure}></error-note>` : nothing}
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading provisioning…</p>`,
        error: (error) =>
          html`<error-note context="Could not load provisioning" .error=${error}></error-note>
            <button @click=${() => this.data.run()}>Try again</button>`,
        complete: ({ providers, trace }) =>
          providers.length
            ? html`<div class="providers">${providers.map((p) => this.provider(p, trace))}</div>`
            : html`<p>
                No provider provisions over SCIM. Add <code>scim: { baseUrl, token }</code> to a provider in the config.
              </p>`,
      })}`;
  }

  private provider(p: ProvisioningState, trace: TraceEntry[]) {
    const exchanges = trace
      .filter((e) => e.provider === p.provider)
      .slice(-EXCHANGES)
      .reverse();
    return html`<section class="card" aria-labelledby="scim-${p.provider}">
      <div class="head">
        <h2 id="scim-${p.provider}">${p.displayName}</h2>
        <span class="badge info">SCIM 2.0</span>
        <span class="badge">dialect: ${p.dialect.title}</span>
        <span class="muted small">id <code>${p.provider}</code></span>
      </div>
      ${p.baseUrl ? html`<p class="small">SP endpoint <code>${p.baseUrl}</code></p>` : html`<p class="note bad">${p.problem}</p>`}
      <details class="quirks">
        <summary>How ${p.dialect.title} sends SCIM (${p.dialect.quirks.length} quirks)</summary>
        <ul>
          ${p.dialect.quirks.map((q) => html`<li>${q.what} <a href=${q.source} target="_blank" rel="noreferrer">source</a></li>`)}
        </ul>
      </details>
      <h3>Users</h3>
      <div class="table-wrap">
        <table>
          <thead><tr><th>user</th><th>groups</th><th>at the SP</th><th>SCIM id</th><th>actions</th></tr></thead>
          <tbody>
            ${p.users.map(
              (u) => html`<tr>
                <td>${u.displayName}<br /><span class="muted small">${u.email}</span></td>
                <td class="small">${u.groups.join(', ') || html`<span class="muted">none</span>`}</td>
                <td><span class="badge ${stateClass[u.state]}">${u.state}</span></td>
                <td class="small"><code>${u.scimId ?? '—'}</code></td>
                <td class="actions">
                  ${this.button(p, u.id, 'push', u.state === 'not pushed' || u.state === 'deleted' ? 'Push' : 'Push changes', !p.baseUrl)}
                  ${this.button(p, u.id, 'deactivate', 'Deactivate', u.state !== 'active')}
                  ${this.button(p, u.id, 'reactivate', 'Reactivate', u.state !== 'inactive')}
                  ${
                    p.dialect.deletesUsers
                      ? this.button(
                          p,
                          u.id,
                          'delete',
                          'Delete',
                          u.state === 'not pushed' || u.state === 'deleted',
                          true,
                        )
                      : nothing
                  }
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        p.groups.length
          ? html`<h3>Groups</h3>
            <div class="table-wrap">
              <table>
                <thead><tr><th>group</th><th>SCIM id</th><th>members pushed</th><th></th></tr></thead>
                <tbody>
                  ${p.groups.map(
                    (g) => html`<tr>
                      <td>${g.name}</td>
                      <td class="small"><code>${g.scimId ?? '—'}</code></td>
                      <td class="small">${g.members.join(', ') || html`<span class="muted">none</span>`}</td>
                      <td>
                        <button ?disabled=${Boolean(this.busy) || !p.baseUrl} @click=${() => this.group(p.provider, g.name)}>
                          Push group
                        </button>
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      <h3>Last SCIM exchanges</h3>
      ${
        exchanges.length
          ? html`<ol class="exchanges">
              ${exchanges.map(
                (e) => html`<li>
                  <details>
                    <summary><span class="badge ${e.error ? 'bad' : 'ok'}">${e.kind}</span> ${e.summary}</summary>
                    <pre>${e.decoded}</pre>
                  </details>
                </li>`,
              )}
            </ol>`
          : html`<p class="muted small">Nothing pushed yet. Every exchange also shows in the Trace.</p>`
      }
    </section>`;
  }

  private button(
    p: ProvisioningState,
    user: string,
    action: UserAction,
    label: string,
    disabled: boolean,
    danger = false,
  ) {
    return html`<button
      class=${danger ? 'danger' : ''}
      ?disabled=${disabled || Boolean(this.busy) || !p.baseUrl}
      @click=${() => this.user(p.provider, user, action)}
    >
      ${this.busy === `${p.provider}/${user}/${action}` ? '…' : label}
    </button>`;
  }

  private async user(provider: string, user: string, action: UserAction) {
    await this.act(`${provider}/${user}/${action}`, () => this.api.provisionUser(provider, user, action));
  }

  private async group(provider: string, group: string) {
    await this.act(`${provider}/group/${group}`, () => this.api.provisionGroup(provider, group));
  }

  private async act(
    key: string,
    work: () => Promise<{ ok: boolean; summary: string; problem?: string | undefined }>,
  ) {
    this.busy = key;
    this.failure = undefined;
    try {
      const answer = await work();
      this.message = {
        ok: answer.ok,
        text: answer.ok ? answer.summary : `${answer.summary}: ${answer.problem ?? 'refused'}`,
      };
    } catch (error) {
      this.failure = error;
      this.message = undefined;
    } finally {
      this.busy = '';
      this.data.run();
    }
  }
}

const stateClass = { 'not pushed': '', active: 'ok', inactive: 'warn', deleted: 'bad' } as const;

customElements.define('provisioning-view', ProvisioningView);

declare global {
  interface HTMLElementTagNameMap {
    'provisioning-view': ProvisioningView;
  }
}
