import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { FaultListing, Reproduction, ScenarioInput } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../code-view/code-view.ts';
import '../error-note/error-note.ts';
import type { FaultParamsChangeEvent } from '../fault-form/fault-form.ts';
import '../fault-form/fault-form.ts';
import '../run-monitor/run-monitor.ts';
import { matchesFault } from './fault-search.ts';
import { keptWords } from './kept-expectation.ts';
import {
  type Draft,
  draftFromScenario,
  emptyDraft,
  readReproductionFile,
  reproductionFile,
  scenarioFromDraft,
  slug,
} from './scenario-draft.ts';
import { styles } from './styles.ts';

/**
 * Builds a scenario by hand from the fault registry: user, provider, flow, faults with
 * their parameters, expectation. Runs it, saves it as a reproduction, exports and imports it.
 */
export class ComposeView extends ApiElement {
  static override properties = {
    draft: { state: true },
    faultErrors: { state: true },
    adding: { state: true },
    faultQuery: { state: true },
    target: { state: true },
    driver: { state: true },
    runId: { state: true },
    busy: { state: true },
    failure: { state: true },
    failureContext: { state: true },
    note: { state: true },
    saved: { state: true },
  };
  static override styles = [theme, styles];
  draft: Draft = { ...emptyDraft };
  /** Per fault position: what is wrong with its parameters. */
  faultErrors: string[][] = [];
  adding = '';
  /** The fault picker's search: words that a fault's name or summary must all contain. */
  faultQuery = '';
  target = '';
  driver: 'http' | 'browser' = 'http';
  runId = '';
  busy = false;
  failure: unknown = undefined;
  failureContext = '';
  note = '';
  saved: Reproduction[] = [];

  private readonly data = new Task(this, {
    task: async () => {
      const [faults, providers, users, targets, catalog, saved] = await Promise.all([
        this.api.faults(),
        this.api.providers(),
        this.api.users(),
        this.api.targets(),
        this.api.scenarios(),
        this.api.reproductions(),
      ]);
      this.saved = saved;
      if (!this.target && targets[0]) this.target = targets[0].id;
      const from = new URLSearchParams(location.search).get('from');
      const base = from ? catalog.scenarios.find((s) => s.id === from) : undefined;
      if (base) {
        this.draft = {
          ...draftFromScenario(
            base,
            users.map((u) => u.id),
          ),
          title: `${base.title} (reproduction)`,
        };
        this.faultErrors = this.draft.faults.map(() => []);
      }
      return { faults, providers, users, targets };
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Compose</h1>
      <p class="muted">Reproduce a customer's login problem: pick the faults the IdP should commit, run it against your SP, save it, share it as a file.</p>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading the fault registry…</p>`,
        error: (error) =>
          html`<error-note context="Could not load what Compose needs" .error=${error}></error-note>`,
        complete: (data) => this.layout(data),
      })}`;
  }

  private layout(data: NonNullable<ComposeView['data']['value']>) {
    const scenario = scenarioFromDraft(this.draft);
    return html`<div class="layout">
      <div>
        ${this.basics(data)} ${this.faultsSection(data.faults)} ${this.runSection(data, scenario)}
        ${this.runId ? html`<section class="card" style="margin-top: var(--s4)"><run-monitor .runId=${this.runId}></run-monitor></section>` : nothing}
      </div>
      <aside>
        <section class="card">
          <h2>Reproductions</h2>
          ${this.savedList()}
          <div class="actions" style="margin-top: var(--s3)">
            <span class="button file-input"
              >⇧ Import file<input type="file" accept="application/json,.json" aria-label="Import a reproduction file" @change=${this.importFile}
            /></span>
          </div>
        </section>
        <section class="card">
          <code-view label="Scenario as data" .text=${JSON.stringify(scenario, null, 2)}></code-view>
        </section>
      </aside>
    </div>`;
  }

  private basics(data: NonNullable<ComposeView['data']['value']>) {
    const d = this.draft;
    const providers = data.providers.filter((p) => p.protocol === d.protocol);
    const target = data.targets.find((t) => t.id === this.target);
    const kept = d.kept ? keptWords(d.kept, target) : undefined;
    return html`<section class="card">
      <h2>Scenario</h2>
      <div class="field">
        <label for="title">Title</label>
        <input id="title" type="text" placeholder="e.g. Customer ACME: assertion for another SP" .value=${d.title}
          @input=${(e: Event) => this.set({ title: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="grid2">
        <div class="field">
          <label for="protocol">Protocol</label>
          <select id="protocol" @change=${(e: Event) => this.set({ protocol: (e.target as HTMLSelectElement).value as Draft['protocol'], provider: '', faults: [], flowType: 'sp-initiated' })}>
            <option value="saml" ?selected=${d.protocol === 'saml'}>SAML 2.0</option>
            <option value="oidc" ?selected=${d.protocol === 'oidc'}>OpenID Connect</option>
          </select>
        </div>
        <div class="field">
          <label for="provider">Provider</label>
          <select id="provider" @change=${(e: Event) => this.set({ provider: (e.target as HTMLSelectElement).value })}>
            <option value="">The target's ${d.protocol.toUpperCase()} connection</option>
            ${providers.map((p) => html`<option value=${p.id} ?selected=${p.id === d.provider}>${p.displayName} (${p.id})</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="user">User</label>
          <select id="user" @change=${(e: Event) => this.set({ user: (e.target as HTMLSelectElement).value })}>
            <option value="">The connection's user</option>
            ${data.users.map((u) => html`<option value=${u.id} ?selected=${u.id === d.user}>${u.email}${u.disabled ? ' (disabled)' : ''}</option>`)}
            <option value="@other" ?selected=${d.user === '@other'}>Someone not in the directory…</option>
          </select>
        </div>
        ${
          d.user === '@other'
            ? html`<div class="field">
              <label for="other">Their email</label>
              <input id="other" type="email" placeholder="jo@customer.example" .value=${d.otherEmail}
                @input=${(e: Event) => this.set({ otherEmail: (e.target as HTMLInputElement).value })} />
            </div>`
            : nothing
        }
        <div class="field">
          <label for="flow">Flow</label>
          <select id="flow" @change=${(e: Event) => this.set({ flowType: (e.target as HTMLSelectElement).value as Draft['flowType'] })}>
            <option value="sp-initiated" ?selected=${d.flowType === 'sp-initiated'}>SP-initiated (login starts at the SP)</option>
            ${
              d.protocol === 'saml'
                ? html`<option value="idp-initiated" ?selected=${d.flowType === 'idp-initiated'}>IdP-initiated (unsolicited response)</option>`
                : nothing
            }
          </select>
        </div>
      </div>
      <fieldset style="border:0;padding:0;margin:0 0 var(--s3)">
        <legend class="small" style="font-weight:600;margin-bottom:4px">Reproduced when the SP… (what the customer saw)</legend>
        <div class="choices">
          ${(
            [
              ['accept', 'logs the user in'],
              ['reject', 'refuses the login'],
              ['notAs', 'does not log in as…'],
              ...(kept ? ([['scenario', kept.label]] as const) : []),
            ] as const
          ).map(
            ([value, label]) => html`<label><input type="radio" name="expect" .checked=${d.expect === value}
                @change=${() => this.set({ expect: value })} />${label}</label>`,
          )}
        </div>
        ${
          kept && d.expect === 'scenario'
            ? html`<p class="small judged" role="status">
              ${target ? html`At <strong>${target.target.displayName ?? target.id}</strong>: ` : nothing}<span
                class="badge ${kept.outcome === 'accept' ? 'ok' : kept.outcome === 'reject' ? 'bad' : 'info'}">${kept.badge}</span>
              <span class="muted">${kept.text}</span>
            </p>`
            : nothing
        }
        ${
          d.expect === 'notAs'
            ? html`<div class="field" style="margin-top: var(--s2)">
              <label for="notas">Identity the SP does not log in as</label>
              <input id="notas" type="text" placeholder="attacker@example.com" .value=${d.notAs}
                @input=${(e: Event) => this.set({ notAs: (e.target as HTMLInputElement).value })} />
            </div>`
            : nothing
        }
      </fieldset>
      <div class="field">
        <label for="why">What the customer sees (why)</label>
        <textarea id="why" style="font-family: inherit; min-height: 4rem" .value=${d.why}
          @input=${(e: Event) => this.set({ why: (e.target as HTMLTextAreaElement).value })}></textarea>
      </div>
    </section>`;
  }

  private faultsSection(all: FaultListing[]) {
    const d = this.draft;
    const available = all.filter((f) => f.protocol === d.protocol);
    const matching = available.filter((f) => matchesFault(f, this.faultQuery));
    const stages = [...new Set(matching.map((f) => f.stage))];
    const byName = new Map(all.map((f) => [f.name, f]));
    return html`<section class="card">
      <h2>Faults</h2>
      <p class="small muted">Applied in order, each at its stage of the ${d.protocol.toUpperCase()} response. None: a clean login.</p>
      ${d.faults.map((f, index) => {
        const definition = byName.get(f.fault);
        return html`<div class="fault">
          <div class="fault-head">
            <div>
              <strong><code>${f.fault}</code></strong> <span class="badge">stage: ${definition?.stage ?? '?'}</span>
              <div class="summary">${definition?.summary ?? 'This fault is not in the registry.'}</div>
            </div>
            <button type="button" aria-label="Remove fault ${f.fault}" @click=${() => this.removeFault(index)}>Remove</button>
          </div>
          ${
            definition
              ? html`<fault-form .fault=${definition} .params=${f.params}
                @fault-params-change=${(e: FaultParamsChangeEvent) => this.setParams(index, e.params, e.errors)}></fault-form>`
              : nothing
          }
        </div>`;
      })}
      ${
        available.length
          ? html`<div class="add">
            <div class="field">
              <label for="fault-search">Search faults</label>
              <input id="fault-search" type="search" placeholder="name or summary: audience, expired, nonce…"
                .value=${this.faultQuery} @input=${(e: Event) => this.searchFaults((e.target as HTMLInputElement).value, available)} />
            </div>
            <div class="field">
              <label for="add">Add a fault</label>
              <select id="add" @change=${(e: Event) => {
                this.adding = (e.target as HTMLSelectElement).value;
              }}>
                <option value="" ?selected=${this.adding === ''}>${
                  !matching.length
                    ? 'No fault matches the search'
                    : matching.length < available.length
                      ? `Choose a fault (${matching.length} of ${available.length} match)…`
                      : 'Choose a fault…'
                }</option>
                ${stages.map(
                  (stage) => html`<optgroup label="Stage: ${stage}">
                    ${matching.filter((f) => f.stage === stage).map((f) => html`<option value=${f.name} ?selected=${f.name === this.adding}>${f.name}: ${f.summary}</option>`)}
                  </optgroup>`,
                )}
              </select>
            </div>
            <button type="button" ?disabled=${!this.adding} @click=${this.addFault}>+ Add</button>
          </div>`
          : html`<p class="small muted">The registry has no ${d.protocol.toUpperCase()} faults yet.</p>`
      }
    </section>`;
  }

  private runSection(data: NonNullable<ComposeView['data']['value']>, scenario: ScenarioInput) {
    const invalid = this.faultErrors.some((e) => e.length > 0);
    return html`<section class="card">
      <h2>Run and keep</h2>
      <div class="grid2">
        <div class="field">
          <label for="target">Target</label>
          <select id="target" @change=${(e: Event) => {
            this.target = (e.target as HTMLSelectElement).value;
          }}>
            ${data.targets.length ? nothing : html`<option value="">No target yet</option>`}
            ${data.targets.map((t) => html`<option value=${t.id} ?selected=${t.id === this.target}>${t.target.displayName ?? t.id}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="driver">Driver</label>
          <select id="driver" @change=${(e: Event) => {
            this.driver = (e.target as HTMLSelectElement).value as 'http' | 'browser';
          }}>
            <option value="http">HTTP client</option>
            <option value="browser">Real browser</option>
          </select>
        </div>
      </div>
      <div class="actions">
        <button class="primary" type="button" ?disabled=${this.busy || !this.target || invalid} @click=${() => this.run(scenario)}>▶ Run it</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.save(scenario)}>Save as reproduction</button>
        <button type="button" @click=${() => this.export(scenario)}>⇩ Export JSON</button>
        <span class="ok-note" role="status">${this.note}</span>
      </div>
      ${invalid ? html`<p class="small" style="color: var(--fail)">Fix the fault parameters marked in red first.</p>` : nothing}
      <error-note .context=${this.failureContext} .error=${this.failure}></error-note>
    </section>`;
  }

  private savedList() {
    if (!this.saved.length)
      return html`<p class="small muted">None saved yet. Saved reproductions live in the harness's state folder.</p>`;
    return html`<ul class="saved">
      ${this.saved.map(
        (r) => html`<li>
          <strong>${r.title}</strong><br /><span class="muted">${new Date(r.savedAt).toLocaleString()}</span>
          <div class="row">
            <button type="button" @click=${() => this.load(r.scenario, r.target)}>Open</button>
            <button type="button" @click=${() => this.download(r)}>⇩ Export</button>
            <button type="button" class="danger" @click=${() => this.deleteSaved(r)}>Delete</button>
          </div>
        </li>`,
      )}
    </ul>`;
  }

  private set(patch: Partial<Draft>) {
    this.draft = { ...this.draft, ...patch };
    if (patch.faults) this.faultErrors = patch.faults.map(() => []);
    this.note = '';
  }

  private searchFaults(query: string, available: FaultListing[]) {
    this.faultQuery = query;
    // A choice the search hides would be added unseen.
    const chosen = available.find((f) => f.name === this.adding);
    if (chosen && !matchesFault(chosen, query)) this.adding = '';
  }

  private addFault() {
    if (!this.adding) return;
    this.draft = { ...this.draft, faults: [...this.draft.faults, { fault: this.adding, params: {} }] };
    this.faultErrors = [...this.faultErrors, []];
    this.adding = '';
    this.updateComplete.then(() => {
      const forms = this.renderRoot.querySelectorAll('fault-form');
      forms[forms.length - 1]?.validate();
    });
  }

  private removeFault(index: number) {
    this.draft = { ...this.draft, faults: this.draft.faults.filter((_, i) => i !== index) };
    this.faultErrors = this.faultErrors.filter((_, i) => i !== index);
  }

  private setParams(index: number, params: Record<string, unknown>, errors: string[]) {
    this.draft = {
      ...this.draft,
      faults: this.draft.faults.map((f, i) => (i === index ? { ...f, params } : f)),
    };
    this.faultErrors = this.faultErrors.map((e, i) => (i === index ? errors : e));
  }

  private fail(context: string, error: unknown) {
    this.failureContext = context;
    this.failure = error;
  }

  private async run(scenario: ScenarioInput) {
    this.busy = true;
    this.failure = undefined;
    try {
      const started = await this.api.startRun({
        target: this.target,
        driver: this.driver,
        scenario,
        screenshots: 'all',
      });
      this.runId = started.id;
      await this.updateComplete;
      this.renderRoot.querySelector('run-monitor')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (error) {
      this.fail('The scenario did not run', error);
    } finally {
      this.busy = false;
    }
  }

  private async save(scenario: ScenarioInput) {
    this.busy = true;
    this.failure = undefined;
    try {
      const saved = await this.api.putReproduction(slug(scenario.title), {
        title: scenario.title,
        scenario,
        target: this.target || undefined,
        driver: this.driver,
      });
      this.saved = [saved, ...this.saved.filter((r) => r.id !== saved.id)];
      this.note = `✓ Saved as "${saved.title}"`;
    } catch (error) {
      this.fail('The reproduction was not saved', error);
    } finally {
      this.busy = false;
    }
  }

  private export(scenario: ScenarioInput) {
    this.download({
      id: slug(scenario.title),
      title: scenario.title,
      savedAt: new Date().toISOString(),
      scenario,
      target: this.target || undefined,
      driver: this.driver,
    });
  }

  private download(reproduction: Reproduction) {
    const blob = new Blob([`${JSON.stringify(reproductionFile(reproduction), null, 2)}\n`], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `reproduction-${reproduction.id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async deleteSaved(reproduction: Reproduction) {
    try {
      await this.api.deleteReproduction(reproduction.id);
      this.saved = this.saved.filter((r) => r.id !== reproduction.id);
    } catch (error) {
      this.fail('The reproduction was not deleted', error);
    }
  }

  private async importFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const { scenario, target } = readReproductionFile(await file.text());
      this.load(scenario, target);
      this.note = `✓ Imported "${scenario.title}"`;
    } catch (error) {
      this.fail(`Could not import ${file.name}`, error);
    }
  }

  private load(scenario: ScenarioInput, target: string | undefined) {
    const users = this.data.value?.users.map((u) => u.id) ?? [];
    this.draft = draftFromScenario(scenario, users);
    this.faultErrors = this.draft.faults.map(() => []);
    if (target && this.data.value?.targets.some((t) => t.id === target)) this.target = target;
    this.failure = undefined;
    this.runId = '';
  }
}

customElements.define('compose-view', ComposeView);

declare global {
  interface HTMLElementTagNameMap {
    'compose-view': ComposeView;
  }
}
