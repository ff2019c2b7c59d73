import { html, nothing } from 'lit';
import type { ProviderInfo, TraceEntry, TraceSignature } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../code-view/code-view.ts';
import '../copy-button/copy-button.ts';
import '../error-note/error-note.ts';
import { type TracedJwt, timeClaims, timeWithDate, tracedJwts } from './jwt-claims.ts';
import { styles } from './styles.ts';

const SHOWN = 500;
const arrows = { in: '→ in', out: '← out', note: '• note' } as const;
/** Key kinds a healthy IdP signs with; any other (expired, rogue, weak, ...) is a fault's. */
const usualKeyKinds = new Set(['current', 'ec', 'next', 'client secret']);

/**
 * Every SSO message through the IdP, live and decoded, newest first (in the manner of
 * SAML-tracer): filter by provider, direction and text; pause; clear; export with
 * secrets masked. An open message shows what was signed and with which key, JWT times
 * as dates, and the JWT as it travelled.
 */
export class TraceView extends ApiElement {
  static override properties = {
    entries: { state: true },
    providers: { state: true },
    provider: { state: true },
    direction: { state: true },
    query: { state: true },
    paused: { state: true },
    held: { state: true },
    live: { state: true },
    open: { state: true },
    failure: { state: true },
  };
  static override styles = [theme, styles];
  entries: TraceEntry[] = [];
  providers: ProviderInfo[] = [];
  provider = '';
  direction = '';
  query = '';
  paused = false;
  /** Entries that arrived while paused. */
  held: TraceEntry[] = [];
  live = false;
  open = new Set<number>();
  failure: unknown = undefined;
  private stop: (() => void) | undefined;

  override async connectedCallback() {
    super.connectedCallback();
    try {
      const [entries, providers] = await Promise.all([this.api.trace(), this.api.providers()]);
      this.entries = entries.reverse();
      this.providers = providers;
      const since = entries.reduce((max, e) => Math.max(max, e.id), 0);
      // The page may have been left while the first answer was on its way.
      if (!this.isConnected) return;
      this.stop = this.api.traceEvents(since, {
        entry: (entry) => this.receive(entry),
        clear: () => {
          this.entries = [];
          this.held = [];
        },
        connection: (open) => {
          this.live = open;
        },
      });
    } catch (error) {
      this.failure = error;
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  private receive(entry: TraceEntry) {
    if (this.entries.some((e) => e.id === entry.id)) return;
    if (this.paused) this.held = [entry, ...this.held];
    else this.entries = [entry, ...this.entries].slice(0, 2000);
  }

  private resume() {
    this.entries = [...this.held, ...this.entries].slice(0, 2000);
    this.held = [];
    this.paused = false;
  }

  private async clear() {
    try {
      await this.api.clearTrace();
      this.entries = [];
      this.held = [];
      this.open = new Set();
      this.failure = undefined;
    } catch (error) {
      this.failure = error;
    }
  }

  override render() {
    const q = this.query.trim().toLowerCase();
    const shown = this.entries.filter(
      (e) =>
        (!this.provider || e.provider === this.provider) &&
        (!this.direction || e.direction === this.direction) &&
        (!q || `${e.kind} ${e.summary} ${e.url ?? ''} ${e.decoded ?? ''}`.toLowerCase().includes(q)),
    );
    const providerIds = [
      ...new Set([...this.providers.map((p) => p.id), ...this.entries.flatMap((e) => e.provider ?? [])]),
    ];
    return html`<h1>Trace</h1>
      <p class="muted">Every SSO message through the IdP, decoded, newest first. Click a line for the whole message.</p>
      <div class="toolbar" role="group" aria-label="Trace filters">
        <div class="field">
          <label for="provider">Provider</label>
          <select id="provider" @change=${(e: Event) => {
            this.provider = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">All providers</option>
            ${providerIds.map((id) => html`<option value=${id} ?selected=${id === this.provider}>${id}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="direction">Direction</label>
          <select id="direction" @change=${(e: Event) => {
            this.direction = (e.target as HTMLSelectElement).value;
          }}>
            <option value="">All</option>
            <option value="in">→ in (to the IdP)</option>
            <option value="out">← out (from the IdP)</option>
            <option value="note">• notes and errors</option>
          </select>
        </div>
        <div class="field grow">
          <label for="q">Search</label>
          <input id="q" type="search" placeholder="kind, URL, XML, claim…" @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
          }} />
        </div>
        ${
          this.paused
            ? html`<button class="primary" @click=${this.resume}>▶ Resume${this.held.length ? ` (${this.held.length} new)` : ''}</button>`
            : html`<button @click=${() => {
                this.paused = true;
              }}>❚❚ Pause</button>`
        }
        <button @click=${this.clear}>Clear</button>
        <a class="button" href="/api/trace/export" download>⇩ Export (secrets masked)</a>
      </div>
      <error-note context="The trace could not be loaded or changed" .error=${this.failure}></error-note>
      <div class="status" aria-live="polite">
        <span><span class="dot ${this.live ? 'live' : ''}"></span>${this.live ? (this.paused ? 'paused' : 'live') : 'connecting…'}</span>
        <span
          >${shown.length > SHOWN ? `the newest ${SHOWN} of ${shown.length} matching` : `${shown.length} of ${this.entries.length}`}
          messages shown</span
        >
      </div>
      <div class="list" role="list" aria-label="Trace messages">
        ${
          shown.length
            ? shown.slice(0, SHOWN).map((e) => this.entry(e))
            : html`<div class="empty">
              ${
                this.entries.length
                  ? 'No message matches the filters.'
                  : 'No messages yet. Log in through a provider (or run a scenario) and they appear here.'
              }
            </div>`
        }
      </div>`;
  }

  private entry(e: TraceEntry) {
    const isOpen = this.open.has(e.id);
    const failed = e.kind === 'error' || Boolean(e.error);
    return html`<div class="entry ${isOpen ? 'open' : ''} ${failed ? 'error' : ''}" role="listitem">
      <button aria-expanded=${isOpen ? 'true' : 'false'} @click=${() => this.toggle(e.id)}>
        <span class="time">${e.time.slice(11, 19)}</span>
        <span class="dir ${e.direction}">${arrows[e.direction]}</span>
        <span class="proto badge">${e.protocol.toUpperCase()}</span>
        <span class="kind">${failed ? '! ' : ''}${e.kind}${e.binding ? html` <span class="muted">(${e.binding})</span>` : nothing}</span>
        <span class="summary">${e.provider ? html`<span class="muted">${e.provider}:</span> ` : nothing}${e.summary}</span>
        ${e.signature ? this.signatureBadge(e.signature) : nothing}
      </button>
      ${isOpen ? this.detail(e) : nothing}
    </div>`;
  }

  private detail(e: TraceEntry) {
    const jwts = tracedJwts(e.decoded);
    const rawLabel = e.protocol === 'oidc' && jwts[0] ? `${jwts[0].field} as sent (JWT)` : 'As sent';
    return html`<div class="detail">
      <dl class="facts">
        <dt>time</dt><dd>${e.time}</dd>
        ${e.method || e.url ? html`<dt>request</dt><dd><code>${e.method ?? ''} ${e.url ?? ''}</code></dd>` : nothing}
        ${e.provider ? html`<dt>provider</dt><dd>${e.provider}</dd>` : nothing}
        ${e.flowId ? html`<dt>flow</dt><dd><code>${e.flowId}</code></dd>` : nothing}
        ${e.relayState ? html`<dt>RelayState</dt><dd><code>${e.relayState}</code></dd>` : nothing}
        ${e.error ? html`<dt>error</dt><dd>${e.error}</dd>` : nothing}
        ${e.signature ? html`<dt>signature</dt><dd class="signature">${this.signatureText(e.signature)}</dd>` : nothing}
      </dl>
      ${jwts.map((jwt) => this.jwtTimes(jwt))}
      ${e.decoded ? html`<code-view label="Decoded ${e.kind}" .text=${e.decoded}></code-view>` : nothing}
      ${e.raw ? html`<code-view label=${rawLabel} .text=${e.raw}></code-view>` : nothing}
    </div>`;
  }

  private signatureBadge(signature: TraceSignature) {
    const unusual = signature.keyKind !== undefined && !usualKeyKinds.has(signature.keyKind);
    return signature.signed.length
      ? html`<span class="badge sig ${unusual ? 'warn' : 'ok'}" title=${this.signatureText(signature)}
          >signed${signature.keyKind ? ` · ${signature.keyKind}` : ''}</span
        >`
      : html`<span class="badge sig bad" title="sent without a signature">unsigned</span>`;
  }

  /** "Response, Assertion signed with rsa-sha256 by the harness's current key". */
  private signatureText(signature: TraceSignature): string {
    if (!signature.signed.length) {
      return `not signed${signature.alg ? ` (alg ${signature.alg})` : ''}`;
    }
    const by =
      signature.keyKind === 'client secret'
        ? ' keyed by the client secret'
        : signature.keyKind
          ? ` by the harness's ${signature.keyKind} key`
          : '';
    return `${signature.signed.join(', ')} signed${signature.alg ? ` with ${signature.alg}` : ''}${by}`;
  }

  private jwtTimes(jwt: TracedJwt) {
    const times = timeClaims.filter((claim) => jwt.payload[claim] !== undefined);
    if (!times.length) return nothing;
    return html`<dl class="facts times" aria-label="${jwt.field} times">
      ${times.map((claim) => html`<dt>${jwt.field} ${claim}</dt><dd><code>${timeWithDate(jwt.payload[claim])}</code></dd>`)}
    </dl>`;
  }

  private toggle(id: number) {
    const open = new Set(this.open);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    this.open = open;
  }
}

customElements.define('trace-view', TraceView);

declare global {
  interface HTMLElementTagNameMap {
    'trace-view': TraceView;
  }
}
