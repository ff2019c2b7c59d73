import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { HttpStep, ScenarioResult, TraceEntry } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { paths } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../code-view/code-view.ts';
import '../copy-button/copy-button.ts';
import '../error-note/error-note.ts';
import '../verdict-mark/verdict-mark.ts';
import { curlCommand, jwtsIn, matchBaseline, shortUrl, textPreview } from './evidence.ts';
import { styles } from './styles.ts';

/**
 * The evidence of one result, step by step: what was expected and seen, each message the
 * IdP sent (decoded, with the fault's change highlighted against a clean login), JWTs
 * decoded, the probe's answer, every HTTP step (copy as cURL), the browser screenshot.
 */
export class ResultView extends ApiElement {
  static override properties = {
    runId: { attribute: 'run-id' },
    resultKey: { attribute: 'result-key' },
    openSteps: { state: true },
  };
  static override styles = [theme, styles];
  runId = '';
  resultKey = '';
  openSteps = new Set<number>();

  private readonly result = new Task(this, {
    task: ([runId, key], { signal }) => {
      signal.throwIfAborted();
      return this.api.result(runId as string, key as string);
    },
    args: () => [this.runId, this.resultKey],
  });

  /** The same login without faults, to compare the messages with. */
  private readonly baseline = new Task(this, {
    task: async ([result]) => {
      const r = result as ScenarioResult | undefined;
      if (!r?.faults.length || r.verdict === 'skipped' || !r.trace.length) return undefined;
      return this.api.baseline(this.runId, r.key);
    },
    args: () => [this.result.value],
  });

  override render() {
    return html`<div class="crumbs"><a href=${paths.run(this.runId)}>← Run ${this.runId}</a></div>
      ${this.result.render({
        pending: () => html`<p class="muted" role="status">Loading the result…</p>`,
        error: (error) =>
          html`<error-note context="Could not load this result" .error=${error}></error-note>`,
        complete: (r) => this.page(r),
      })}`;
  }

  private page(r: ScenarioResult) {
    return html`<div class="head">
        <verdict-mark .verdict=${r.verdict} .reproduction=${r.reproduction?.outcome}></verdict-mark>
        <h1>${r.title}</h1>
      </div>
      <p class="muted small"><code>${r.scenarioId}</code> @ ${r.target} · connection ${r.connection ?? '—'} · provider ${r.provider ?? '—'} ·
        user ${r.user ?? '—'} · ${r.driver} driver · ${r.durationMs} ms</p>
      ${
        r.reproduction
          ? html`<div class="verdict-box reproduction">
            <div><div class="k">Reproduced when the SP gives</div>${r.expected || '—'}</div>
            <div><div class="k">This SP</div>${r.observed || '—'}</div>
            <div><div class="k">Reproduction</div>${r.reproduction.line}</div>
          </div>`
          : html`<div class="verdict-box">
            <div><div class="k">A correct SP</div>${r.expected || '—'}</div>
            <div><div class="k">This SP</div>${r.observed || '—'}</div>
            <div><div class="k">Verdict</div>${r.reason}</div>
          </div>`
      }
      <div class="downloads" style="margin-top: var(--s3)">
        <button @click=${() => this.downloadJson(r)}>⇩ Result as JSON</button>
        <a class="button" href=${this.api.reportUrl(this.runId)} target="_blank" rel="noopener">HTML report of the run</a>
        <a class="button" href="${this.api.reportUrl(this.runId)}?download" download>⇩ HTML report</a>
      </div>
      <section class="card">
        <h2>Why it matters</h2>
        <p>${r.why}</p>
        ${
          r.faults.length
            ? html`<h3>Faults the IdP committed</h3>
              <ul>${r.faults.map(
                (f, i) => html`<li><code>${f.fault}</code>: ${r.faultSummaries[i] ?? ''}
                ${f.params && Object.keys(f.params).length ? html` <code class="muted">${JSON.stringify(f.params)}</code>` : nothing}</li>`,
              )}</ul>`
            : html`<p class="muted">No faults: a clean login.</p>`
        }
        ${r.refs.length ? html`<p class="small muted">References: ${r.refs.join(' · ')}</p>` : nothing}
      </section>
      ${this.messages(r)} ${this.steps(r)} ${this.http(r)}
      ${
        r.screenshot
          ? html`<section class="card"><h2>Browser at the end</h2>
            <img class="shot" alt="The browser's page when ${r.scenarioId} ended" src="data:image/png;base64,${r.screenshot}" /></section>`
          : nothing
      }`;
  }

  private steps(r: ScenarioResult) {
    if (!r.steps.length) return nothing;
    return html`<section class="card">
      <h2>Steps and the probe's answer</h2>
      ${r.steps.map(
        (s) => html`<div class="message">
          <h3><verdict-mark .verdict=${s.verdict}></verdict-mark> ${s.action}: expected ${s.expect === 'not-as' ? 'not the forbidden identity' : s.expect}</h3>
          <p>${s.observed}</p>
          ${
            s.probe
              ? html`<dl class="facts">
                  <dt>probe</dt><dd><code>${s.probe.url}</code></dd>
                  <dt>answered</dt><dd>HTTP ${s.probe.status} at <code>${s.probe.finalUrl}</code></dd>
                  <dt>session</dt><dd>${s.probe.session ? `yes, as ${s.probe.identity}` : 'no'}${s.probe.session ? (s.probe.asExpectedUser ? ' (the expected user)' : ' (not the expected user)') : ''}</dd>
                  <dt>read as</dt><dd><code>${s.probe.row}</code>: ${s.probe.reason}</dd>
                </dl>
                ${s.probe.bodyExcerpt ? html`<code-view style="margin-top: var(--s2)" label="Probe body" .text=${s.probe.bodyExcerpt}></code-view>` : nothing}`
              : nothing
          }
        </div>`,
      )}
    </section>`;
  }

  private messages(r: ScenarioResult) {
    if (!r.trace.length) return nothing;
    const withFaults = r.faults.length > 0;
    const baseline = this.baseline.value;
    const pairs = baseline ? matchBaseline(r.trace, baseline.trace) : new Map<number, TraceEntry>();
    return html`<section class="card">
      <h2>Messages through the IdP</h2>
      ${
        withFaults
          ? html`<p class="diff-state" role="status">${this.baseline.render({
              pending: () => 'Making a clean login of the same user to compare with…',
              error: (error) =>
                html`<error-note context="No clean login to compare with; the messages are shown as sent" .error=${error}></error-note>`,
              complete: (b) =>
                b
                  ? html`Highlighted: what differs from a clean login of the same user (run just now, without faults).`
                  : '',
              initial: () => '',
            })}</p>`
          : nothing
      }
      ${r.trace.map((e) => {
        const match = pairs.get(e.id);
        const jwts = jwtsIn(e);
        const baseJwts = match ? jwtsIn(match) : [];
        return html`<div class="message" data-kind=${e.kind}>
          <h3><span class="badge">${e.direction === 'in' ? '→ to the IdP' : e.direction === 'out' ? '← from the IdP' : '• note'}</span>
            ${e.kind} ${e.binding ? html`<span class="muted small">(${e.binding})</span>` : nothing}</h3>
          <p class="small">${e.summary}</p>
          ${e.error ? html`<p class="small" style="color: var(--fail)">! ${e.error}</p>` : nothing}
          ${
            e.decoded
              ? html`<code-view label="Decoded ${e.kind}" .text=${e.decoded}
                .baseline=${match?.decoded !== undefined && withFaults ? match.decoded : undefined}></code-view>`
              : nothing
          }
          ${jwts.map((j, i) => {
            const base = baseJwts.find((b) => b.name === j.name) ?? baseJwts[i];
            return html`<div class="jwt">
              <code-view label="${j.name}: header" .text=${j.jwt.header} .baseline=${withFaults ? base?.jwt.header : undefined}></code-view>
              <code-view label="${j.name}: payload" .text=${j.jwt.payload} .baseline=${withFaults ? base?.jwt.payload : undefined}></code-view>
            </div>`;
          })}
        </div>`;
      })}
    </section>`;
  }

  private http(r: ScenarioResult) {
    if (!r.http.length) return nothing;
    return html`<section class="card">
      <h2>HTTP steps</h2>
      <div class="table-wrap">
        <table class="steps">
          <thead><tr><th>#</th><th>why</th><th>request</th><th>answer</th><th></th></tr></thead>
          <tbody>${r.http.map((s) => this.httpStep(s))}</tbody>
        </table>
      </div>
    </section>`;
  }

  private httpStep(s: HttpStep) {
    const open = this.openSteps.has(s.index);
    return html`<tr>
        <td>${s.index + 1}</td>
        <td>${s.cause}</td>
        <td class="url"><code title=${s.url}>${s.method} ${shortUrl(s.url)}</code></td>
        <td class="answer">${s.status}${s.location ? html`<br /><span class="muted">→ <code title=${s.location}>${shortUrl(s.location)}</code></span>` : nothing}
          ${
            s.setCookies?.length
              ? html`<div class="cookies small">sets cookies: ${s.setCookies.map((name) => html`<code>${name}</code> `)}</div>`
              : nothing
          }
          ${s.bodyText ? html`<div class="page-text small muted" title="The SP's answer as text">${textPreview(s.bodyText)}</div>` : nothing}
        </td>
        <td>
          <div class="row">
            <copy-button .value=${curlCommand(s)} label="Copy as cURL"></copy-button>
            ${
              s.form || s.bodyExcerpt || s.bodyText
                ? html`<button aria-expanded=${open ? 'true' : 'false'} @click=${() => this.toggleStep(s.index)}>${open ? 'Hide' : 'Details'}</button>`
                : nothing
            }
          </div>
        </td>
      </tr>
      ${
        open
          ? html`<tr class="detail"><td></td><td colspan="4">
            <code-view label="URL" .text=${s.url}></code-view>
            ${s.location ? html`<code-view label="Redirected to" .text=${s.location}></code-view>` : nothing}
            ${s.form ? html`<code-view label="Form sent" .text=${JSON.stringify(s.form, null, 2)}></code-view>` : nothing}
            ${s.bodyText ? html`<code-view label="The SP's answer as text (first 16 KB)" .text=${s.bodyText}></code-view>` : nothing}
            ${s.bodyExcerpt ? html`<code-view label="Answer (${s.contentType ?? 'unknown type'}, first part)" .text=${s.bodyExcerpt}></code-view>` : nothing}
          </td></tr>`
          : nothing
      }`;
  }

  private toggleStep(index: number) {
    const next = new Set(this.openSteps);
    if (next.has(index)) next.delete(index);
    else next.add(index);
    this.openSteps = next;
  }

  private downloadJson(r: ScenarioResult) {
    const blob = new Blob([`${JSON.stringify(r, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `result-${r.scenarioId}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }
}

customElements.define('result-view', ResultView);

declare global {
  interface HTMLElementTagNameMap {
    'result-view': ResultView;
  }
}
