import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { ProviderEndpoint, ProviderListing } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../cert-badge/cert-badge.ts';
import '../copy-button/copy-button.ts';
import '../error-note/error-note.ts';
import { styles } from './styles.ts';

/**
 * Every provider: protocol, persona, each URL an SP or RP is configured with (copyable),
 * the users who may log in through it, its certificates and their validity.
 */
export class ProvidersView extends ApiElement {
  static override styles = [theme, styles];

  private readonly providers = new Task(this, {
    task: () => this.api.providers(),
    args: () => [],
  });

  override render() {
    return html`<h1>Providers</h1>
      <p class="muted">
        The mock identity providers this harness serves. Register one with your SP by its metadata (SAML) or
        discovery URL (OIDC).
      </p>
      ${this.providers.render({
        pending: () => html`<p class="muted" role="status">Loading providers…</p>`,
        error: (error) =>
          html`<error-note context="Could not load the providers" .error=${error}></error-note>
            <button @click=${() => this.providers.run()}>Try again</button>`,
        complete: (providers) =>
          providers.length
            ? html`<div class="providers">${providers.map((p) => this.provider(p))}</div>`
            : html`<p>No provider is configured. Add one under <code>providers</code> in the config file.</p>`,
      })}`;
  }

  private provider(p: ProviderListing) {
    const saml = p.protocol === 'saml';
    const signing = p.certificates.filter((c) => c.use === 'signing');
    const certificates = p.certificates.filter(
      (c, i, all) =>
        all.findIndex((o) => o.fingerprintSha256 === c.fingerprintSha256 && o.use === c.use) === i,
    );
    return html`<section class="card ${p.disabled ? 'disabled' : ''}" aria-labelledby="p-${p.id}">
      <div class="head">
        <h2 id="p-${p.id}">${p.displayName}</h2>
        <span class="badge info">${p.protocol.toUpperCase()}</span>
        <span class="badge">persona: ${p.persona}</span>
        ${p.disabled ? html`<span class="badge bad">✗ disabled</span>` : html`<span class="badge ok">✓ enabled</span>`}
        <span class="muted small">id <code>${p.id}</code></span>
      </div>
      <div class="urls">
        ${this.url(saml ? 'Metadata URL' : 'Discovery URL', p.metadataUrl)}
        ${this.url(saml ? 'Entity ID' : 'Issuer', p.entityId)}
      </div>
      <h3>Endpoints</h3>
      <div class="table-wrap">
        <table class="endpoints" aria-label="Endpoints of ${p.displayName}">
          <thead><tr><th>endpoint</th><th>binding</th><th>URL</th><th><span class="sr-only">copy</span></th></tr></thead>
          <tbody>
            ${p.endpoints.map((e) => this.endpoint(e))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <a class="button" href=${p.metadataUrl} download=${saml ? `${p.id}-metadata.xml` : `${p.id}-openid-configuration.json`}
          >⇩ Download ${saml ? 'metadata' : 'discovery document'}</a
        >
        ${
          signing[0]
            ? html`<a class="button" href="/api/providers/${encodeURIComponent(p.id)}/certificate/${signing[0].kind}" download
              >⇩ Download signing certificate</a
            >`
            : nothing
        }
      </div>
      ${
        certificates.length
          ? html`<h3 style="margin-top: var(--s4)">Certificates</h3>
            <div class="table-wrap">
              <table class="certs">
                <thead>
                  <tr><th>use</th><th>validity</th><th>subject</th><th>not after</th><th>SHA-256 fingerprint</th></tr>
                </thead>
                <tbody>
                  ${certificates.map(
                    (c) => html`<tr>
                      <td>${c.use} <span class="muted">(${c.kind})</span></td>
                      <td><cert-badge not-before=${c.notBefore} not-after=${c.notAfter}></cert-badge></td>
                      <td>${c.subject}</td>
                      <td>${c.notAfter.slice(0, 10)}</td>
                      <td><code>${c.fingerprintSha256}</code></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
      ${this.users(p)}
      ${
        p.relyingParties.length
          ? html`<p class="small muted" style="margin-top: var(--s3)">
            ${saml ? 'Service providers' : 'Clients'}: ${p.relyingParties.join(', ')}
          </p>`
          : nothing
      }
    </section>`;
  }

  private endpoint(e: ProviderEndpoint) {
    const what = `${e.name}${e.binding && e.binding !== 'GET' ? ` ${e.binding}` : ''} URL`;
    return html`<tr>
      <td class="name">${e.name}${e.note ? html`<div class="small muted">${e.note}</div>` : nothing}</td>
      <td class="small">${e.binding ?? ''}</td>
      <td><code>${e.url}</code></td>
      <td><copy-button .value=${e.url} label="Copy" what=${what}></copy-button></td>
    </tr>`;
  }

  private users(p: ProviderListing) {
    return html`<h3 style="margin-top: var(--s4)">Who may log in</h3>
      ${
        p.users.length
          ? html`<ul class="users" aria-label="Users of ${p.displayName}">
            ${p.users.map(
              (u) => html`<li>
                <span class="user">${u.displayName}</span> <code>${u.email}</code>
                <span class="muted small">${u.providers ? `only ${u.providers.join(', ')}` : 'every provider'}</span>
                ${u.disabled ? html`<span class="badge bad">✗ disabled</span>` : nothing}
              </li>`,
            )}
          </ul>`
          : html`<p class="small muted">No user may log in through this provider: give a user
            <code>providers: [${p.id}]</code> (or no <code>providers</code>) under <code>users</code> in the config.</p>`
      }`;
  }

  private url(label: string, value: string) {
    return html`<div class="url">
      <span class="k">${label}</span><code>${value}</code><copy-button .value=${value} label="Copy" what=${label}></copy-button>
    </div>`;
  }
}

customElements.define('providers-view', ProvidersView);

declare global {
  interface HTMLElementTagNameMap {
    'providers-view': ProvidersView;
  }
}
