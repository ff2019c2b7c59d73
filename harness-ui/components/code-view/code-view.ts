import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { theme } from '../../styles/theme.ts';
import '../copy-button/copy-button.ts';
import { type DiffLine, diffLines, foldUnchanged } from '../../../lib/message-diff.ts';
import { styles } from './styles.ts';

/** Lines shown before a long text is folded. */
const FOLD_AFTER = 40;

/**
 * Long XML, JSON or a JWT, readable: folded when long, searchable, copyable. Given a
 * `baseline` (the same message from a clean login), it shows what differs, highlighted,
 * with the unchanged parts folded.
 */
export class CodeView extends LitElement {
  static override properties = {
    text: {},
    label: {},
    baseline: {},
    baselineLabel: { attribute: 'baseline-label' },
    query: { state: true },
    expanded: { state: true },
    openFolds: { state: true },
  };
  static override styles = [theme, styles];
  text = '';
  label = '';
  baseline: string | undefined = undefined;
  baselineLabel = 'clean login';
  query = '';
  expanded = false;
  openFolds = new Set<number>();

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('text') || changed.has('baseline')) {
      this.expanded = false;
      this.openFolds = new Set();
    }
  }

  override render() {
    const lines: DiffLine[] =
      (this.baseline !== undefined ? diffLines(this.baseline, this.text) : undefined) ??
      this.text.split('\n').map((text) => ({ kind: 'same', text }));
    const q = this.query.trim().toLowerCase();
    const matches = q ? lines.filter((l) => l.kind !== 'del' && l.text.toLowerCase().includes(q)).length : 0;
    const changes = lines.filter((l) => l.kind !== 'same').length;
    return html`<div class="bar">
        <span class="label">${this.label}</span>
        <span class="tools">
          <label class="visually-hidden" for="q">Search ${this.label}</label>
          <input id="q" type="search" placeholder="Search" .value=${this.query} @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
          }} />
          <span class="count" aria-live="polite">${q ? `${matches} match${matches === 1 ? '' : 'es'}` : ''}</span>
          <copy-button .value=${this.text} label="Copy" what=${this.label}></copy-button>
        </span>
      </div>
      <div class="code" role="region" aria-label=${this.label || 'code'} tabindex="0">${this.renderLines(lines, q)}</div>
      ${
        this.baseline !== undefined
          ? html`<p class="legend">
              ${
                changes
                  ? html`<span class="a">+ changed</span> lines differ from the ${this.baselineLabel};
                      <span class="d">− ${this.baselineLabel}</span> shows what was there. IDs, instants and signature values are compared as placeholders.`
                  : html`No difference from the ${this.baselineLabel} (IDs, instants and signature values aside).`
              }
            </p>`
          : nothing
      }`;
  }

  private renderLines(lines: DiffLine[], q: string): TemplateResult[] {
    const numbered = number(lines);
    if (q) return numbered.map((l) => this.line(l, q));
    if (this.baseline !== undefined && lines.some((l) => l.kind !== 'same')) {
      return foldUnchanged(lines).flatMap((part) =>
        part.kind === 'lines' || this.openFolds.has(part.from)
          ? numbered.slice(part.from, part.to).map((l) => this.line(l, q))
          : [
              html`<button class="fold" type="button" @click=${() => {
                this.openFolds = new Set([...this.openFolds, part.from]);
              }}>⋯ ${part.to - part.from} unchanged lines (show)</button>`,
            ],
      );
    }
    if (this.expanded || lines.length <= FOLD_AFTER + 5) return numbered.map((l) => this.line(l, q));
    return [
      ...numbered.slice(0, FOLD_AFTER).map((l) => this.line(l, q)),
      html`<button class="fold" type="button" @click=${() => {
        this.expanded = true;
      }}>⋯ ${lines.length - FOLD_AFTER} more lines (show all)</button>`,
    ];
  }

  private line(l: DiffLine & { n: number | undefined }, q: string): TemplateResult {
    const sign = l.kind === 'add' ? '+' : l.kind === 'del' ? '−' : '';
    return html`<div class="line ${l.kind}"><span class="n">${l.n ?? ''}</span><span class="sign">${sign}</span><span
        >${q ? highlight(l.text, q) : l.text}</span
      ></div>`;
  }
}

function number(lines: DiffLine[]): Array<DiffLine & { n: number | undefined }> {
  let n = 0;
  return lines.map((l) => ({ ...l, n: l.kind === 'del' ? undefined : ++n }));
}

function highlight(text: string, q: string): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(q); found !== -1; found = lower.indexOf(q, at)) {
    parts.push(text.slice(at, found), html`<mark>${text.slice(found, found + q.length)}</mark>`);
    at = found + q.length;
  }
  parts.push(text.slice(at));
  return parts;
}

customElements.define('code-view', CodeView);

declare global {
  interface HTMLElementTagNameMap {
    'code-view': CodeView;
  }
}
