import { html, LitElement } from 'lit';
import type { Verdict } from '../../api/types.ts';
import { styles } from './styles.ts';

export const verdictMarks: Record<Verdict | 'running', string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  skipped: '–',
  running: '…',
};

/** A verdict as a mark and a word, so it reads without colour: ✓ pass, ✗ fail, ! error. */
export class VerdictMark extends LitElement {
  static override properties = { verdict: {} };
  static override styles = styles;
  verdict: Verdict | 'running' = 'running';

  override render() {
    return html`<span class="v ${this.verdict}"><span class="mark" aria-hidden="true">${verdictMarks[this.verdict]}</span>${this.verdict}</span>`;
  }
}

customElements.define('verdict-mark', VerdictMark);

declare global {
  interface HTMLElementTagNameMap {
    'verdict-mark': VerdictMark;
  }
}
