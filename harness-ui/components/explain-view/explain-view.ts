import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { ExplainRequest, Explanation, TargetListing } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../check-list/check-list.ts';
import '../code-view/code-view.ts';
import '../error-note/error-note.ts';
import { RunFinishedEvent as RunFinished, type RunFinishedEvent } from '../run-monitor/run-monitor.ts';
import '../run-monitor/run-monitor.ts';
import { styles } from './styles.ts';

type SpSource = 'target' | 'metadata' | 'none';

/** What the reproduction run said: the SP refused as the customer's did, or not. */
type ReproduceOutcome = {
  runId: string;
  verdict: 'reproduced' | 'not-reproduced' | 'not-judged' | 'running';
};

/**
 * Explain a customer's capture: paste or drop a SAMLResponse, redirect URL, token, token
 * answer, HAR file or SAML-tracer export; compare it with a target's settings or the SP's
 * metadata; read every check (problem, warning, ok) with the values compared and the fix;
 * replay the same defects against a target with one button.
 */
export class ExplainView extends ApiElement {
  static override properties = {
    input: { state: true },
    file: { state: true },
    spSource: { state: true },
    target: { state: true },
    connection: { state: true },
    spMetadata: { state: true },
    idpMetadata: { state: true },
    discovery: { state: true },
    captureTime: { state: true },
    skew: { state: true },
    mask: { state: true },
    showOk: { state: true },
    busy: { state: true },
    failure: { state: true },
    explanation: { state: true },
    dragging: { state: true },
    reproduceTarget: { state: true },
    driver: { state: true },
    reproduction: { state: true },
  };
  static override styles = [theme, styles];
  input = '';
  /** A dropped or opened file: kept out of the text box (HAR files are large). */
  file: { name: string; text: string } | undefined = undefined;
  spSource: SpSource = 'target';
  target = '';
  connection = '';
  spMetadata = '';
  idpMetadata = '';
  discovery = '';
  captureTime = '';
  skew = 180;
  mask = false;
  showOk = false;
  busy = false;
  failure: unknown = undefined;
  explanation: Explanation | undefined = undefined;
  dragging = false;
  reproduceTarget = '';
  driver: 'http' | 'browser' = 'http';
  reproduction: ReproduceOutcome | undefined = undefined;

  private readonly targets = new Task(this, {
    task: async () => {
      const targets = await this.api.targets();
      if (!this.target && targets[0]) this.target = targets[0].id;
      if (!this.reproduceTarget && targets[0]) this.reproduceTarget = targets[0].id;
      return targets;
    },
    args: () => [],
  });

  override render() {
    return html`<h1>Explain</h1>
      <p class="muted">Paste what the customer captured (a SAMLResponse, a redirect URL, an id_token, a token answer, a HAR file or a SAML-tracer export) and see, check by check, what is wrong against the SP's settings and who has to fix it.</p>
      <div class="layout">
        <div class="stack">${this.captureCard()} ${this.contextCard()}</div>
        <div class="stack results">${this.results()}</div>
      </div>`;
  }

  private captureCard() {
    return html`<section class="card drop ${this.dragging ? 'dragging' : ''}"
      @dragover=${this.onDragOver} @dragleave=${() => {
        this.dragging = false;
      }} @drop=${this.onDrop}>
      <h2>Capture</h2>
      ${
        this.file
          ? html`<div class="file" role="status">
            <span>File <strong>${this.file.name}</strong> <span class="muted">${size(this.file.text.length)}</span></span>
            <button type="button" @click=${() => {
              this.file = undefined;
            }}>Clear</button>
          </div>`
          : html`<div class="field">
            <label for="input">Captured message</label>
            <textarea id="input" spellcheck="false" placeholder="SAMLResponse=PHNhbWxwOlJlc3BvbnNl…  or  eyJhbGciOi…  or  https://app.example/acs?…"
              .value=${this.input} @input=${(e: Event) => {
                this.input = (e.target as HTMLTextAreaElement).value;
              }} @paste=${this.onPaste}></textarea>
            <div class="help">Or drop a file here (HAR, SAML-tracer export, saved message).</div>
          </div>`
      }
      <div class="row">
        <span class="button file-input">⇧ Open file<input type="file" aria-label="Open a capture file" @change=${this.onFile} /></span>
        <label class="check"><input type="checkbox" .checked=${this.mask} @change=${(e: Event) => {
          this.mask = (e.target as HTMLInputElement).checked;
        }} /> Mask personal data</label>
      </div>
    </section>`;
  }

  private contextCard() {
    const targets = this.targets.value ?? [];
    const chosen = targets.find((t) => t.id === this.target);
    return html`<section class="card">
      <h2>Compare with</h2>
      <fieldset class="choices">
        <legend class="small">The SP's settings</legend>
        ${(
          [
            ['target', 'A target of the harness'],
            ['metadata', 'SP metadata'],
            ['none', 'Nothing (decode and check what stands alone)'],
          ] as const
        ).map(
          ([
            value,
            label,
          ]) => html`<label class="check"><input type="radio" name="sp" .checked=${this.spSource === value}
              @change=${() => {
                this.spSource = value;
              }} />${label}</label>`,
        )}
      </fieldset>
      ${this.spSource === 'target' ? this.targetFields(targets, chosen) : nothing}
      ${
        this.spSource === 'metadata'
          ? html`<div class="field">
            <label for="sp-metadata">SP metadata (URL or XML)</label>
            <textarea id="sp-metadata" class="short" spellcheck="false" placeholder="https://app.example/saml/metadata  or  <md:EntityDescriptor …"
              .value=${this.spMetadata} @input=${(e: Event) => {
                this.spMetadata = (e.target as HTMLTextAreaElement).value;
              }}></textarea>
          </div>`
          : nothing
      }
      <details ?open=${this.spSource !== 'target'}>
        <summary>IdP, time and clock skew</summary>
        <div class="grid2">
          <div class="field">
            <label for="idp-metadata">IdP metadata URL</label>
            <input id="idp-metadata" type="url" placeholder="https://idp.example/metadata" .value=${this.idpMetadata}
              @input=${(e: Event) => {
                this.idpMetadata = (e.target as HTMLInputElement).value;
              }} />
          </div>
          <div class="field">
            <label for="discovery">OP issuer or discovery URL</label>
            <input id="discovery" type="url" placeholder="https://login.example.com/tenant/v2.0" .value=${this.discovery}
              @input=${(e: Event) => {
                this.discovery = (e.target as HTMLInputElement).value;
              }} />
          </div>
          <div class="field">
            <label for="at">Capture time (ISO 8601)</label>
            <input id="at" type="text" placeholder="from the HAR or the message" .value=${this.captureTime}
              @input=${(e: Event) => {
                this.captureTime = (e.target as HTMLInputElement).value;
              }} />
          </div>
          <div class="field">
            <label for="skew">Clock skew allowed (seconds)</label>
            <input id="skew" type="number" min="0" .value=${String(this.skew)} @input=${(e: Event) => {
              this.skew = Number((e.target as HTMLInputElement).value);
            }} />
          </div>
        </div>
      </details>
      <div class="row">
        <button class="primary" type="button" ?disabled=${this.busy || !(this.file || this.input.trim())} @click=${this.explain}>
          ${this.busy ? 'Explaining…' : 'Explain'}
        </button>
      </div>
    </section>`;
  }

  private targetFields(targets: TargetListing[], chosen: TargetListing | undefined) {
    if (this.targets.error)
      return html`<error-note context="Could not load the targets" .error=${this.targets.error}></error-note>`;
    if (!targets.length)
      return html`<p class="small muted">No target yet: add one on the Targets page, or compare with SP metadata.</p>`;
    return html`<div class="grid2">
      <div class="field">
        <label for="target">Target</label>
        <select id="target" @change=${(e: Event) => {
          this.target = (e.target as HTMLSelectElement).value;
          this.connection = '';
        }}>
          ${targets.map((t) => html`<option value=${t.id} ?selected=${t.id === this.target}>${t.target.displayName ?? t.id}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="connection">Connection</label>
        <select id="connection" @change=${(e: Event) => {
          this.connection = (e.target as HTMLSelectElement).value;
        }}>
          <option value="" ?selected=${!this.connection}>The one the message came through</option>
          ${Object.keys(chosen?.target.connections ?? {}).map((c) => html`<option value=${c} ?selected=${c === this.connection}>${c}</option>`)}
        </select>
      </div>
    </div>`;
  }

  private results() {
    const e = this.explanation;
    if (this.failure) {
      const unreadable = unreadableOf(this.failure);
      return html`<section class="card">
        <error-note context="This could not be explained" .error=${this.failure}></error-note>
        ${unreadable ? html`<check-list .checks=${unreadable.checks}></check-list>` : nothing}
      </section>`;
    }
    if (!e) {
      return html`<section class="card empty">
        <h2>Checks</h2>
        <p class="muted">Each check comes back as <span class="badge bad">✗ problem</span>, <span class="badge warn">! warning</span> or <span class="badge ok">✓ ok</span>, with the two values it compared, the spec section, and the setting to change on the side that must change it.</p>
      </section>`;
    }
    const input = e.checks.filter((c) => c.message === undefined);
    return html`<section class="card" aria-live="polite">
        <div class="spread">
          <h2>Checks</h2>
          <span class="totals" data-testid="explain-totals">
            <span class="badge ${e.summary.problem ? 'bad' : 'ok'}">✗ ${e.summary.problem} problem${e.summary.problem === 1 ? '' : 's'}</span>
            <span class="badge ${e.summary.warning ? 'warn' : ''}">! ${e.summary.warning} warning${e.summary.warning === 1 ? '' : 's'}</span>
            <span class="badge ok">✓ ${e.summary.ok} ok</span>
          </span>
        </div>
        <p class="small muted">${e.input.name ? `${e.input.name}: ` : ''}${e.input.kind}, ${size(e.input.bytes)}. Capture time ${e.captureTime} (${e.captureTimeSource}), clock skew ${e.clockSkewSeconds} s${e.masked ? ', personal data masked' : ''}.
          ${e.context.sp ? html`SP: ${e.context.sp.source}.` : html`No SP settings.`} ${e.context.idp ? html`IdP: ${e.context.idp.source}.` : nothing}</p>
        <div class="row">
          <label class="check"><input type="checkbox" .checked=${this.showOk} @change=${(ev: Event) => {
            this.showOk = (ev.target as HTMLInputElement).checked;
          }} /> Show ok checks</label>
          <button type="button" @click=${this.downloadJson}>⇩ JSON</button>
          <button type="button" @click=${this.downloadHtml}>⇩ HTML report</button>
        </div>
        ${input.length ? html`<h3>Input</h3><check-list .checks=${input} ?show-ok=${this.showOk}></check-list>` : nothing}
        ${e.messages.map(
          (m) => html`<article class="message" data-kind=${m.kind}>
            <h3>#${m.index + 1} ${m.summary}</h3>
            <p class="small muted">${m.kind}${m.at ? ` at ${m.at}` : ''}${m.persona ? `, the IdP looks like ${m.persona}` : ''}</p>
            <check-list .checks=${e.checks.filter((c) => c.message === m.index)} ?show-ok=${this.showOk}></check-list>
            ${m.decoded ? html`<details><summary>The message, decoded</summary><code-view label="#${m.index + 1} ${m.kind}" .text=${m.decoded}></code-view></details>` : nothing}
          </article>`,
        )}
        ${e.flow.length ? this.flow(e) : nothing}
      </section>
      ${this.reproduceCard(e)}`;
  }

  private flow(e: Explanation) {
    return html`<details class="flow"><summary>The requests of the capture (${e.flow.length})</summary>
      <div class="table-wrap"><table>
        <thead><tr><th>#</th><th>Request</th><th>Answer</th><th>Messages</th></tr></thead>
        <tbody>${e.flow.map(
          (s) => html`<tr>
            <td>${s.index + 1}</td>
            <td class="mono">${s.method} ${s.url}</td>
            <td>${s.status ?? '?'}${s.location ? html`<br /><span class="mono small">→ ${s.location}</span>` : nothing}</td>
            <td>${s.messages.map((m) => `#${m + 1}`).join(' ')}</td>
          </tr>`,
        )}</tbody>
      </table></div>
    </details>`;
  }

  private reproduceCard(e: Explanation) {
    const scenario = e.reproduction?.scenario;
    if (!scenario) {
      if (!e.summary.problem) return nothing;
      return html`<section class="card"><h2>Reproduce</h2><p class="small muted">No fault of the harness commits these problems (${e.reproduction?.unmatched.join(', ') ?? ''}).</p></section>`;
    }
    const targets = this.targets.value ?? [];
    const outcome = this.reproduction;
    return html`<section class="card reproduce">
      <h2>Reproduce</h2>
      <p class="small">Make the harness send the same defects and see whether the SP refuses the login as it refused the customer:</p>
      <ul class="faults">${scenario.faults.map((f) => html`<li><code>${f.fault}</code> ${f.params ? html`<span class="mono small muted">${JSON.stringify(f.params)}</span>` : nothing}</li>`)}</ul>
      <div class="grid2">
        <div class="field">
          <label for="reproduce-target">Against target</label>
          <select id="reproduce-target" @change=${(ev: Event) => {
            this.reproduceTarget = (ev.target as HTMLSelectElement).value;
          }}>
            ${targets.map((t) => html`<option value=${t.id} ?selected=${t.id === this.reproduceTarget}>${t.target.displayName ?? t.id}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="reproduce-driver">Driver</label>
          <select id="reproduce-driver" @change=${(ev: Event) => {
            this.driver = (ev.target as HTMLSelectElement).value as 'http' | 'browser';
          }}>
            <option value="http">HTTP client</option>
            <option value="browser">Real browser</option>
          </select>
        </div>
      </div>
      <div class="row">
        <button class="primary" type="button" ?disabled=${this.busy || !this.reproduceTarget || outcome?.verdict === 'running'} @click=${this.reproduce}>▶ Reproduce</button>
        ${outcome ? this.outcomeBadge(outcome) : nothing}
      </div>
      ${outcome ? html`<run-monitor .runId=${outcome.runId} @run-finished=${this.onRunFinished}></run-monitor>` : nothing}
    </section>`;
  }

  private outcomeBadge(outcome: ReproduceOutcome) {
    switch (outcome.verdict) {
      case 'running':
        return html`<span class="badge info" role="status">Replaying…</span>`;
      case 'reproduced':
        return html`<span class="badge ok outcome" role="status">✓ Reproduced: the SP refuses the login, as it refused the customer</span>`;
      case 'not-reproduced':
        return html`<span class="badge bad outcome" role="status">✗ Not reproduced: the SP accepts the login with these defects</span>`;
      default:
        return html`<span class="badge warn outcome" role="status">! Not judged: the run could not tell (see the result)</span>`;
    }
  }

  private request(): ExplainRequest {
    const request: ExplainRequest = {
      input: this.file?.text ?? this.input,
      name: this.file?.name,
      mask: this.mask,
      clockSkewSeconds: Number.isFinite(this.skew) && this.skew >= 0 ? this.skew : undefined,
      captureTime: this.captureTime.trim() || undefined,
    };
    if (this.spSource === 'target' && this.target) {
      request.target = this.target;
      if (this.connection) request.connection = this.connection;
    }
    const metadata = this.spMetadata.trim();
    if (this.spSource === 'metadata' && metadata) {
      request.sp = /^https?:\/\//.test(metadata) ? { metadataUrl: metadata } : { metadataXml: metadata };
    }
    if (this.idpMetadata.trim()) request.idp = { ...request.idp, metadataUrl: this.idpMetadata.trim() };
    if (this.discovery.trim()) request.idp = { ...request.idp, discoveryUrl: this.discovery.trim() };
    return request;
  }

  private async explain() {
    this.busy = true;
    this.failure = undefined;
    this.reproduction = undefined;
    try {
      this.explanation = await this.api.explain(this.request());
    } catch (error) {
      this.explanation = undefined;
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  private async reproduce() {
    const scenario = this.explanation?.reproduction?.scenario;
    if (!scenario) return;
    this.failure = undefined;
    // The connection compared with: the one chosen, else the one the message came through.
    const compared = this.explanation?.context.harness;
    const connection =
      this.spSource === 'target' && this.reproduceTarget === this.target && this.connection
        ? this.connection
        : compared && compared.target === this.reproduceTarget
          ? compared.connection
          : undefined;
    try {
      const started = await this.api.startRun({
        target: this.reproduceTarget,
        driver: this.driver,
        scenario: { ...scenario, ...(connection ? { connection } : {}) },
        screenshots: 'all',
      });
      this.reproduction = { runId: started.id, verdict: 'running' };
    } catch (error) {
      this.failure = error;
    }
  }

  private onRunFinished = (event: RunFinishedEvent) => {
    if (!(event instanceof RunFinished) || !this.reproduction) return;
    const { passed, failed } = event.summary;
    this.reproduction = {
      ...this.reproduction,
      verdict: passed > 0 ? 'reproduced' : failed > 0 ? 'not-reproduced' : 'not-judged',
    };
  };

  /** A paste is explained at once, as the pasted text lands in the box (jwt.io and SAML-tracer do no less). */
  private onPaste = () => {
    setTimeout(() => {
      if (this.input.trim() && !this.busy) void this.explain();
    }, 0);
  };

  private onDragOver = (event: DragEvent) => {
    event.preventDefault();
    this.dragging = true;
  };

  private onDrop = async (event: DragEvent) => {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) await this.load(file);
    else {
      const text = event.dataTransfer?.getData('text/plain');
      if (text) this.input = text;
    }
  };

  private onFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.load(file);
  };

  private async load(file: File) {
    this.file = { name: file.name, text: await file.text() };
    this.explanation = undefined;
    this.failure = undefined;
  }

  private downloadJson = () => {
    if (!this.explanation) return;
    save(
      new Blob([`${JSON.stringify(this.explanation, null, 2)}\n`], { type: 'application/json' }),
      'explanation.json',
    );
  };

  private downloadHtml = async () => {
    try {
      save(await this.api.explainHtml(this.request()), 'explanation.html');
    } catch (error) {
      this.failure = error;
    }
  };
}

/** The explanation an unreadable input came back with (a 4xx answer's detail). */
function unreadableOf(error: unknown): Explanation | undefined {
  const detail = (error as { detail?: { explanation?: Explanation } } | undefined)?.detail;
  return detail?.explanation;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

customElements.define('explain-view', ExplainView);

declare global {
  interface HTMLElementTagNameMap {
    'explain-view': ExplainView;
  }
}
