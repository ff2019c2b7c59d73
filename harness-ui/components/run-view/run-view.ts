import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { RunRequest, Scenario } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { navigate, paths } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import { styles } from './styles.ts';

type Mode = 'suite' | 'tags' | 'pick' | 'all';

/** Starts a run: a target, the scenarios (a suite, tags or a hand-picked list), and the driver. */
export class RunView extends ApiElement {
  static override properties = {
    mode: { state: true },
    target: { state: true },
    suite: { state: true },
    tags: { state: true },
    picked: { state: true },
    filter: { state: true },
    driver: { state: true },
    starting: { state: true },
    failure: { state: true },
  };
  static override styles = [theme, styles];
  mode: Mode = 'all';
  target = '';
  suite = '';
  tags = new Set<string>();
  picked = new Set<string>();
  filter = '';
  driver: 'http' | 'browser' = 'http';
  starting = false;
  failure: unknown = undefined;

  private readonly data = new Task(this, {
    task: async () => {
      const [targets, catalog, options] = await Promise.all([
        this.api.targets(),
        this.api.scenarios(),
        this.api.runOptions(),
      ]);
      if (!this.target && targets[0]) this.target = targets[0].id;
      if (catalog.suites[0]) {
        this.mode = 'suite';
        this.suite = catalog.suites[0].name;
      }
      return { targets, catalog, options };
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Run</h1>
      <p class="muted">Run scenarios against one of your SPs. Results arrive live; each opens with its evidence.</p>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading targets and scenarios…</p>`,
        error: (error) =>
          html`<error-note context="Could not load what a run needs" .error=${error}></error-note>`,
        complete: (data) => this.form(data),
      })}`;
  }

  private form(data: NonNullable<RunView['data']['value']>) {
    const { targets, catalog, options } = data;
    if (!targets.length) {
      return html`<div class="card">
        <p>There is no target yet: the harness needs to know your SP's login URL and how to tell who is logged in.</p>
        <a class="button primary" href="/targets">Add a target</a>
      </div>`;
    }
    const allTags = [...new Set(catalog.scenarios.flatMap((s) => s.tags))].sort();
    const q = this.filter.trim().toLowerCase();
    const listed = catalog.scenarios.filter((s) => !q || `${s.id} ${s.title}`.toLowerCase().includes(q));
    const browser = options.drivers.find((d) => d.name === 'browser');
    return html`<form @submit=${(e: Event) => this.start(e, catalog.scenarios)}>
      <fieldset>
        <legend>Target</legend>
        <label for="target">The SP to test</label>
        <select id="target" @change=${(e: Event) => {
          this.target = (e.target as HTMLSelectElement).value;
        }}>
          ${targets.map((t) => html`<option value=${t.id} ?selected=${t.id === this.target}>${t.target.displayName ?? t.id} (${t.id})</option>`)}
        </select>
      </fieldset>
      <fieldset>
        <legend>Scenarios</legend>
        <div class="choices" role="radiogroup" aria-label="Which scenarios">
          ${catalog.suites.length ? this.radio('suite', 'A suite') : nothing}
          ${allTags.length ? this.radio('tags', 'By tag') : nothing}
          ${this.radio('pick', 'Pick scenarios')}
          ${this.radio('all', `All (${catalog.scenarios.length})`)}
        </div>
        ${
          this.mode === 'suite'
            ? html`<label for="suite">Suite</label>
              <select id="suite" @change=${(e: Event) => {
                this.suite = (e.target as HTMLSelectElement).value;
              }}>
                ${catalog.suites.map(
                  (s) => html`<option value=${s.name} ?selected=${s.name === this.suite}>
                    ${s.name} ${s.ids ? `(${s.ids.length} scenarios)` : s.tags ? `(tags: ${s.tags.join(', ')})` : ''}
                  </option>`,
                )}
              </select>`
            : nothing
        }
        ${
          this.mode === 'tags'
            ? html`<div class="choices" role="group" aria-label="Tags">
              ${allTags.map(
                (t) =>
                  html`<label><input type="checkbox" .checked=${this.tags.has(t)} @change=${() => {
                    this.tags = toggle(this.tags, t);
                  }} />${t}</label>`,
              )}
            </div>`
            : nothing
        }
        ${
          this.mode === 'pick'
            ? html`<label for="filter">Find scenarios</label>
              <input id="filter" type="search" placeholder="id or title" @input=${(e: Event) => {
                this.filter = (e.target as HTMLInputElement).value;
              }} />
              <div class="picker" role="group" aria-label="Scenarios to run">
                ${listed.map(
                  (s) => html`<label>
                    <input type="checkbox" .checked=${this.picked.has(s.id)} @change=${() => {
                      this.picked = toggle(this.picked, s.id);
                    }} />
                    <span><strong>${s.title}</strong><br /><code class="muted">${s.id}</code></span>
                    <span class="badge">${s.protocol.toUpperCase()}</span>
                  </label>`,
                )}
              </div>
              <p class="small muted">${this.picked.size} picked</p>`
            : nothing
        }
      </fieldset>
      <fieldset>
        <legend>Driver</legend>
        <div class="choices" role="radiogroup" aria-label="Driver">
          <label><input type="radio" name="driver" value="http" .checked=${this.driver === 'http'} @change=${() => {
            this.driver = 'http';
          }} />HTTP client (fast)</label>
          <label
            ><input type="radio" name="driver" value="browser" .checked=${this.driver === 'browser'} ?disabled=${!browser?.available}
              @change=${() => {
                this.driver = 'browser';
              }} />Real browser (Chromium, screenshots)</label
          >
        </div>
        ${browser && !browser.available ? html`<p class="small muted">Browser driver unavailable: ${browser.reason}</p>` : nothing}
      </fieldset>
      <error-note context="The run did not start" .error=${this.failure}></error-note>
      <div class="submit">
        <button class="primary" type="submit" ?disabled=${this.starting}>${this.starting ? 'Starting…' : '▶ Start run'}</button>
      </div>
    </form>`;
  }

  private radio(mode: Mode, label: string) {
    return html`<label><input type="radio" name="mode" .checked=${this.mode === mode} @change=${() => {
      this.mode = mode;
    }} />${label}</label>`;
  }

  private async start(event: Event, scenarios: Scenario[]) {
    event.preventDefault();
    const request: RunRequest = { target: this.target, driver: this.driver };
    if (this.mode === 'suite') request.suite = this.suite;
    else if (this.mode === 'tags') request.tags = [...this.tags];
    else if (this.mode === 'pick') request.scenarios = [...this.picked];
    else request.scenarios = scenarios.map((s) => s.id);
    this.starting = true;
    this.failure = undefined;
    try {
      const started = await this.api.startRun(request);
      navigate(paths.run(started.id));
    } catch (error) {
      this.failure = error;
    } finally {
      this.starting = false;
    }
  }
}

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

customElements.define('run-view', RunView);

declare global {
  interface HTMLElementTagNameMap {
    'run-view': RunView;
  }
}
