import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { TargetListing, ValidationAnswer } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../code-view/code-view.ts';
import '../error-note/error-note.ts';
import { shortUrl } from '../result-view/evidence.ts';
import '../target-form/target-form.ts';
import type { TargetSavedEvent } from '../target-form/target-form.ts';
import { styles } from './styles.ts';

interface Validation {
  busy: boolean;
  answer?: ValidationAnswer;
  error?: unknown;
}

/** The SPs under test: from the config (read-only) and saved here (editable); add, edit, validate. */
export class TargetsView extends ApiElement {
  static override properties = {
    formOpen: { state: true },
    editing: { state: true },
    validations: { state: true },
    failure: { state: true },
    justSaved: { state: true },
  };
  static override styles = [theme, styles];
  formOpen = false;
  editing: TargetListing | undefined = undefined;
  validations = new Map<string, Validation>();
  failure: unknown = undefined;
  justSaved = '';

  private readonly data = new Task(this, {
    task: async () => {
      const [targets, providers] = await Promise.all([this.api.targets(), this.api.providers()]);
      return { targets, providers };
    },
    args: () => [],
  });

  /** What session and no session look like on this target, from the latest run's calibration. */
  private calibration(t: TargetListing) {
    const c = t.calibration;
    if (!c) {
      return html`<p class="small muted" data-calibration="none">
        Not calibrated yet: the first run against it logs in once and probes with and without a session.
      </p>`;
    }
    return html`<div class="calibration" data-calibration=${c.ok ? 'ok' : 'failed'} role="status">
      ${c.ok ? html`<span class="badge ok">✓ calibrated</span>` : html`<span class="badge bad">✗ calibration failed: its scenarios are errors</span>`}
      <dl class="facts small">
        ${c.session ? html`<dt>session</dt><dd>${c.session.status} at <code>${c.session.finalUrl}</code>${c.session.identity ? html`, showing <code>${c.session.identity}</code>` : nothing}</dd>` : nothing}
        ${c.noSession ? html`<dt>no session</dt><dd>${c.noSession.reason}</dd>` : nothing}
        ${c.learned.sessionPath ? html`<dt>learned</dt><dd>only a probe that ends at <code>${c.learned.sessionPath}</code> counts as a session</dd>` : nothing}
        ${c.ok ? nothing : html`<dt>why</dt><dd>${c.summary}</dd>`}
        ${c.hint ? html`<dt>fix</dt><dd>${c.hint}</dd>` : nothing}
      </dl>
    </div>`;
  }

  override render() {
    return html`<div class="top">
        <div>
          <h1>Targets</h1>
          <p class="muted">The service providers under test: where a login starts, and how to tell who is logged in.</p>
        </div>
        ${
          this.formOpen
            ? nothing
            : html`<button class="primary" @click=${() => {
                this.editing = undefined;
                this.formOpen = true;
              }}>+ Add a target</button>`
        }
      </div>
      ${this.formOpen ? this.form() : nothing}
      ${this.justSaved ? html`<p class="badge ok" role="status">✓ Saved target ${this.justSaved}</p>` : nothing}
      <error-note context="The target could not be changed" .error=${this.failure}></error-note>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading targets…</p>`,
        error: (error) =>
          html`<error-note context="Could not load the targets" .error=${error}></error-note>`,
        complete: ({ targets }) =>
          targets.length
            ? html`<div class="list">${targets.map((t) => this.target(t))}</div>`
            : html`<div class="card">No target yet. Add one: import your SP's metadata, or describe it by hand.</div>`,
      })}`;
  }

  private form() {
    return html`<div class="form-slot">
      <target-form .providers=${this.data.value?.providers ?? []} .editing=${this.editing}
        @target-saved=${(e: TargetSavedEvent) => this.saved(e)}
        @target-form-cancel=${() => {
          this.formOpen = false;
          this.editing = undefined;
        }}></target-form>
    </div>`;
  }

  private saved(event: TargetSavedEvent) {
    this.formOpen = false;
    this.editing = undefined;
    this.justSaved = event.saved.id;
    this.data.run();
  }

  private target(t: TargetListing) {
    const validation = this.validations.get(t.id);
    return html`<section class="card" aria-labelledby="t-${t.id}" data-target=${t.id}>
      <div class="head">
        <h2 id="t-${t.id}">${t.target.displayName ?? t.id}</h2>
        <span class="badge">${t.id}</span>
        ${
          t.source === 'config'
            ? html`<span class="badge" title="Edit it in the config file">from the config (read-only)</span>`
            : html`<span class="badge info">saved here</span>`
        }
        ${t.sp ? html`<span class="badge">SP ${t.sp.source === 'manual' ? 'described by hand' : `from metadata (${t.sp.source})`}</span>` : nothing}
      </div>
      <div class="table-wrap">
        <table>
          <thead><tr><th>connection</th><th>provider</th><th>SP / client</th><th>login URL</th></tr></thead>
          <tbody>
            ${Object.entries(t.target.connections).map(
              ([name, c]) =>
                html`<tr><td>${name}</td><td>${c.provider}</td><td>${c.sp ?? c.client ?? '—'}</td><td><code>${c.loginUrl}</code></td></tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="small" style="margin-top: var(--s2)">
        Probe <code>${t.target.probe.url}</code>${t.target.probe.contains ? html` must contain <code>${t.target.probe.contains}</code>` : nothing}
      </p>
      ${this.calibration(t)}
      <div class="actions">
        <button @click=${() => this.validate(t)} ?disabled=${validation?.busy}>${validation?.busy ? 'Checking…' : '✓ Validate login URL'}</button>
        ${
          t.source === 'saved'
            ? html`<button @click=${() => {
                this.editing = t;
                this.formOpen = true;
              }}>Edit</button>
              <button class="danger" @click=${() => this.deleteTarget(t)}>Delete</button>`
            : nothing
        }
      </div>
      ${validation && !validation.busy ? this.validation(validation) : nothing}
    </section>`;
  }

  private validation(v: Validation) {
    if (v.error)
      return html`<div class="validation"><error-note context="The login URL could not be checked" .error=${v.error}></error-note></div>`;
    const a = v.answer!;
    return html`<div class="validation" role="status">
      <h3>${a.ok ? html`<span class="badge ok">✓ reaches the IdP</span>` : html`<span class="badge bad">✗ does not reach the IdP cleanly</span>`}
        <span class="muted small">connection ${a.connection}</span></h3>
      <ul>${a.findings.map((f) => html`<li>${f}</li>`)}</ul>
      <dl class="facts">
        <dt>SP answered</dt><dd>HTTP ${a.status ?? '—'}</dd>
        ${a.redirect ? html`<dt>redirect to</dt><dd><code title=${a.redirect}>${shortUrl(a.redirect)}</code></dd>` : nothing}
        ${a.request ? html`<dt>request</dt><dd>${a.request.kind} (${a.request.binding}) to provider ${a.request.provider ?? '?'}</dd>` : nothing}
      </dl>
      ${a.request ? html`<code-view style="margin-top: var(--s2)" label="What the SP sent: ${a.request.kind}" .text=${a.request.decoded}></code-view>` : nothing}
    </div>`;
  }

  private async validate(t: TargetListing) {
    this.validations = new Map(this.validations).set(t.id, { busy: true });
    let result: Validation;
    try {
      result = { busy: false, answer: await this.api.validateTarget(t.id) };
    } catch (error) {
      result = { busy: false, error };
    }
    this.validations = new Map(this.validations).set(t.id, result);
  }

  private async deleteTarget(t: TargetListing) {
    if (!confirm(`Delete target "${t.id}"?`)) return;
    try {
      await this.api.deleteTarget(t.id);
      this.failure = undefined;
      this.data.run();
    } catch (error) {
      this.failure = error;
    }
  }
}

customElements.define('targets-view', TargetsView);

declare global {
  interface HTMLElementTagNameMap {
    'targets-view': TargetsView;
  }
}
