import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { FaultListing, Scenario } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import { expectationLabel } from './expectation.ts';
import { styles } from './styles.ts';

/** The scenario catalog: search, filter by protocol, tag and expectation; each with its why, faults and references. */
export class ScenariosView extends ApiElement {
  static override properties = {
    query: { state: true },
    protocol: { state: true },
    tag: { state: true },
    expect: { state: true },
  };
  static override styles = [theme, styles];
  query = '';
  protocol = '';
  tag = '';
  expect = '';

  private readonly data = new Task(this, {
    task: async () => {
      const [catalog, faults] = await Promise.all([this.api.scenarios(), this.api.faults()]);
      return { catalog, faults: new Map(faults.map((f) => [f.name, f])) };
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Scenarios</h1>
      <p class="muted">Each scenario bends one thing the IdP sends and says what a correct SP does about it.</p>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading the catalog…</p>`,
        error: (error) =>
          html`<error-note context="Could not load the scenario catalog" .error=${error}></error-note>`,
        complete: ({ catalog, faults }) => this.list(catalog.scenarios, faults),
      })}`;
  }

  private list(scenarios: Scenario[], faults: Map<string, FaultListing>) {
    const tags = [...new Set(scenarios.flatMap((s) => s.tags))].sort();
    const q = this.query.trim().toLowerCase();
    const shown = scenarios.filter(
      (s) =>
        (!this.protocol || s.protocol === this.protocol) &&
        (!this.tag || s.tags.includes(this.tag)) &&
        (!this.expect || expectationLabel(s.expect) === this.expect) &&
        (!q ||
          `${s.id} ${s.title} ${s.why} ${s.faults.map((f) => f.fault).join(' ')}`.toLowerCase().includes(q)),
    );
    const select = (id: string, label: string, value: string, options: string[], set: (v: string) => void) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          ${options.map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}
        </select>
      </div>`;
    return html`<div class="filters">
        <div class="field grow">
          <label for="q">Search</label>
          <input id="q" type="search" placeholder="id, title, fault, symptom…" @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
          }} />
        </div>
        ${select('protocol', 'Protocol', this.protocol, ['saml', 'oidc'], (v) => {
          this.protocol = v;
        })}
        ${select('tag', 'Tag', this.tag, tags, (v) => {
          this.tag = v;
        })}
        ${select('expect', 'Expected', this.expect, ['accept', 'reject', 'not-as', 'steps', 'skew'], (v) => {
          this.expect = v;
        })}
      </div>
      <div class="count" aria-live="polite">${shown.length} of ${scenarios.length} scenarios</div>
      ${
        scenarios.length === 0
          ? html`<div class="card">The catalog is empty so far. Scenarios of your own go under <code>scenarios</code> in the config, or compose one on the <a href="/compose">Compose</a> page.</div>`
          : nothing
      }
      <div class="list">${shown.map((s) => this.scenario(s, faults))}</div>`;
  }

  private scenario(s: Scenario, faults: Map<string, FaultListing>) {
    const expect = expectationLabel(s.expect);
    return html`<details class="card">
      <summary>
        <span><span class="t">${s.title}</span><br /><code class="muted small">${s.id}</code></span>
        <span class="badges">
          <span class="badge info">${s.protocol.toUpperCase()}</span>
          <span class="badge ${expect === 'accept' ? 'ok' : expect === 'skew' ? 'info' : 'bad'}">expects ${expect === 'not-as' ? 'not logged in as attacker' : expect === 'skew' ? 'by the clock skew' : expect}</span>
          ${s.tags.map((t) => html`<span class="badge">${t}</span>`)}
        </span>
      </summary>
      <div class="body stack">
        <p class="why">${s.why}</p>
        <div>
          <h3>Faults</h3>
          ${
            s.faults.length
              ? html`<ul>
                ${s.faults.map(
                  (f) => html`<li><code>${f.fault}</code>: ${faults.get(f.fault)?.summary ?? ''}
                    ${f.params && Object.keys(f.params).length ? html`<code class="muted">${JSON.stringify(f.params)}</code>` : nothing}</li>`,
                )}
              </ul>`
              : html`<p class="muted small">None: a clean login.</p>`
          }
        </div>
        ${
          s.refs.length
            ? html`<div>
              <h3>References</h3>
              <ul>${s.refs.map((r) => html`<li>${/^https?:/.test(r) ? html`<a href=${r} target="_blank" rel="noopener">${r}</a>` : r}</li>`)}</ul>
            </div>`
            : nothing
        }
        <div class="row">
          <a class="button" href="/compose?from=${encodeURIComponent(s.id)}">Compose from this</a>
        </div>
      </div>
    </details>`;
  }
}

customElements.define('scenarios-view', ScenariosView);

declare global {
  interface HTMLElementTagNameMap {
    'scenarios-view': ScenariosView;
  }
}
