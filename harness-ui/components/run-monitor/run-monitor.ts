import { html, nothing } from 'lit';
import type {
  ClockSkewAllowance,
  ResultSummary,
  RunBeginInfo,
  RunEvent,
  RunRecord,
  Verdict,
} from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { paths } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import '../verdict-mark/verdict-mark.ts';
import { styles } from './styles.ts';

/** Fired when the run being watched has ended, with its totals. */
export class RunFinishedEvent extends Event {
  static readonly eventName = 'run-finished';
  readonly summary: RunRecord['summary'];
  readonly runId: string;

  constructor(runId: string, summary: RunRecord['summary']) {
    super(RunFinishedEvent.eventName, { bubbles: true, composed: true });
    this.runId = runId;
    this.summary = summary;
  }
}

const order: Record<Verdict, number> = { error: 0, fail: 1, pass: 2, skipped: 3 };

/**
 * One run, live: a progress bar coloured by verdict, the totals, and each result as it
 * arrives (failures first once the run ends). Works for finished runs too.
 */
export class RunMonitor extends ApiElement {
  static override properties = {
    runId: { attribute: 'run-id' },
    begin: { state: true },
    results: { state: true },
    end: { state: true },
    failure: { state: true },
    only: { state: true },
  };
  static override styles = [theme, styles];
  runId = '';
  begin: RunBeginInfo | undefined = undefined;
  results: ResultSummary[] = [];
  end: Extract<RunEvent, { type: 'end' }> | undefined = undefined;
  failure: unknown = undefined;
  only: Verdict | '' = '';
  private stop: (() => void) | undefined;

  override updated(changed: Map<string, unknown>) {
    if (changed.has('runId')) this.follow();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
    this.stop = undefined;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.runId && !this.stop && this.hasUpdated) this.follow();
  }

  private follow() {
    this.stop?.();
    this.begin = undefined;
    this.results = [];
    this.end = undefined;
    this.failure = undefined;
    if (!this.runId) return;
    this.stop = this.api.runEvents(
      this.runId,
      (event) => {
        // A reconnecting stream starts over from begin: start the list over too.
        if (event.type === 'begin') {
          this.begin = event.info;
          this.results = [];
        } else if (event.type === 'result') this.results = [...this.results, event.result];
        else {
          this.end = event;
          this.dispatchEvent(new RunFinishedEvent(this.runId, event.summary));
        }
      },
      (message) => {
        this.failure = new Error(message);
      },
    );
  }

  override render() {
    const total = this.begin?.total ?? 0;
    const count = (v: Verdict) => this.results.filter((r) => r.verdict === v).length;
    const done = this.results.length;
    const pct = (n: number) => (total ? `${(n / total) * 100}%` : '0%');
    // A run of reproductions (Compose, Explain) reads reproduced / not reproduced, not pass / fail.
    const reproductions =
      this.begin?.options.reproduction ?? (done > 0 && this.results.every((r) => r.reproduction));
    const word = (v: Verdict) =>
      reproductions
        ? { pass: 'reproduced', fail: 'not reproduced', error: 'not judged', skipped: 'not run' }[v]
        : v;
    const shown = (
      this.end ? [...this.results].sort((a, b) => order[a.verdict] - order[b.verdict]) : this.results
    ).filter((r) => !this.only || r.verdict === this.only);
    return html`
      <error-note context="Lost track of the run" .error=${this.failure}></error-note>
      <div class="card" aria-busy=${this.end ? 'false' : 'true'}>
        <div class="spread">
          <h2 style="margin:0">${this.end ? (this.end.status === 'finished' ? 'Finished' : 'Interrupted') : this.begin ? 'Running…' : 'Starting…'}</h2>
          <span class="muted small"><code>${this.runId}</code></span>
        </div>
        <div class="meta">
          <span class="total" data-testid="progress-count">${done} of ${total} done</span>
          ${this.begin ? html`<span class="muted">${this.begin.options.targets.join(', ')} · ${this.begin.options.driver} driver</span>` : nothing}
        </div>
        <div class="progress" role="progressbar" aria-label="Run progress" aria-valuemin="0" aria-valuemax=${total} aria-valuenow=${done}>
          <span class="pass" style="width:${pct(count('pass'))}"></span>
          <span class="fail" style="width:${pct(count('fail'))}"></span>
          <span class="error" style="width:${pct(count('error'))}"></span>
          <span class="skipped" style="width:${pct(count('skipped'))}"></span>
        </div>
        <div class="meta">
          <span class="totals" aria-live="polite" data-testid="totals">
            <span class="badge ok">✓ ${count('pass')} ${word('pass')}</span>
            <span class="badge ${count('fail') ? 'bad' : ''}">✗ ${count('fail')} ${word('fail')}</span>
            <span class="badge ${count('error') ? 'warn' : ''}">! ${count('error')} ${word('error')}</span>
            ${count('skipped') ? html`<span class="badge">– ${count('skipped')} ${reproductions ? word('skipped') : 'skipped'}</span>` : nothing}
          </span>
          ${
            this.end
              ? html`<span class="done-actions">
                <a class="button" href=${this.api.reportUrl(this.runId)} target="_blank" rel="noopener">HTML report</a>
                <a class="button" href=${this.api.jsonReportUrl(this.runId)} download>⇩ JSON</a>
              </span>`
              : nothing
          }
        </div>
      </div>
      ${this.clockSkew(this.end?.clockSkew ?? [])}
      ${
        this.results.length
          ? html`<h2 style="margin-top: var(--s4)">Results</h2>
            <div class="filters" role="group" aria-label="Show only">
              ${(['', 'fail', 'error', 'pass', 'skipped'] as const).map(
                (v) => html`<button aria-pressed=${this.only === v ? 'true' : 'false'} @click=${() => {
                  this.only = v;
                }}>
                  ${v ? `${word(v)} (${count(v)})` : `all (${done})`}
                </button>`,
              )}
            </div>
            <ul class="results ${reproductions ? 'reproductions' : ''}" aria-label="Results">
              ${shown.map(
                (r) => html`<li data-verdict=${r.verdict}>
                  <verdict-mark .verdict=${r.verdict} .reproduction=${r.reproduction?.outcome}></verdict-mark>
                  <div>
                    <div class="title"><a href=${paths.result(this.runId, r.key)}>${r.title}</a></div>
                    <div class="observed"><code>${r.scenarioId}</code> @ ${r.target} · ${r.reproduction?.line ?? r.reason}</div>
                  </div>
                  <span class="dur">${r.durationMs} ms</span>
                </li>`,
              )}
            </ul>`
          : nothing
      }
    `;
  }

  /** What the timing scenarios showed of the SP's clock-skew allowance, per target and time field. */
  private clockSkew(allowances: readonly ClockSkewAllowance[]) {
    if (allowances.length === 0) return nothing;
    return html`<section class="card clock-skew" aria-labelledby="clock-skew-title">
      <h2 id="clock-skew-title" style="margin:0">Clock skew the SP allows</h2>
      <p class="muted small">From the timing scenarios, against the skew each target declares.</p>
      <table>
        <thead><tr><th scope="col">Target</th><th scope="col">Time</th><th scope="col">Accepted and refused</th></tr></thead>
        <tbody>
          ${allowances.map(
            (a) => html`<tr data-consistent=${a.consistent ? 'true' : 'false'}>
              <td>${a.target}</td>
              <td><code>${a.field}</code> <span class="muted small">${a.protocol.toUpperCase()}</span></td>
              <td class=${a.consistent ? '' : 'inconsistent'}>${a.summary}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

customElements.define('run-monitor', RunMonitor);

declare global {
  interface HTMLElementTagNameMap {
    'run-monitor': RunMonitor;
  }
  interface HTMLElementEventMap {
    'run-finished': RunFinishedEvent;
  }
}
