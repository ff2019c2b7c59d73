import { html, LitElement } from 'lit';
import type { ReproductionReading, Verdict } from '../../api/types.ts';
import { styles } from './styles.ts';

export const verdictMarks: Record<Verdict | 'running', string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  skipped: '–',
  running: '…',
};

type Outcome = ReproductionReading['outcome'];

/** A reproduction's outcome as mark, word and the verdict colour it stands for. */
export const reproductionMarks: Record<Outcome, { mark: string; word: string; tone: Verdict }> = {
  reproduced: { mark: '✓', word: 'reproduced', tone: 'pass' },
  'not-reproduced': { mark: '✗', word: 'not reproduced', tone: 'fail' },
  'not-judged': { mark: '!', word: 'not judged', tone: 'error' },
};

/**
 * A verdict as a mark and a word, so it reads without colour: ✓ pass, ✗ fail, ! error.
 * With `reproduction` (a result of Compose or Explain's Reproduce), its reading instead:
 * ✓ reproduced, ✗ not reproduced, ! not judged.
 */
export class VerdictMark extends LitElement {
  static override properties = { verdict: {}, reproduction: {} };
  static override styles = styles;
  verdict: Verdict | 'running' = 'running';
  reproduction: Outcome | undefined = undefined;

  override render() {
    const reading = this.reproduction ? reproductionMarks[this.reproduction] : undefined;
    const tone = reading?.tone ?? this.verdict;
    return html`<span class="v ${tone}"><span class="mark" aria-hidden="true">${reading?.mark ?? verdictMarks[this.verdict]}</span>${reading?.word ?? this.verdict}</span>`;
  }
}

customElements.define('verdict-mark', VerdictMark);

declare global {
  interface HTMLElementTagNameMap {
    'verdict-mark': VerdictMark;
  }
}
