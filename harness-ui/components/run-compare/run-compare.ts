import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import type { ComparedResult, ComparedSide, ResultChange } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { paths } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import '../verdict-mark/verdict-mark.ts';
import { styles } from './styles.ts';

const changeWords: Record<ResultChange, string> = {
  changed: 'verdict changed',
  appeared: 'only in B',
  disappeared: 'only in A',
  unchanged: 'unchanged',
};

/**
 * Run `b` against run `a` (`GET /api/runs/compare`): the results whose verdict changed,
 * appeared or disappeared, each with both runs' verdict, observed and reason side by side;
 * the unchanged ones folded away.
 */
export class RunCompare extends ApiElement {
  static override properties = { a: {}, b: {} };
  static override styles = [theme, styles];
  a = '';
  b = '';

  private readonly comparison = new Task(this, {
    task: ([a, b]) => this.api.compareRuns(a!, b!),
    args: () => [this.a, this.b],
  });

  override render() {
    return this.comparison.render({
      pending: () => html`<p class="muted" role="status">Comparing the runs…</p>`,
      error: (error) => html`<error-note context="Could not compare the runs" .error=${error}></error-note>`,
      complete: (c) => {
        const moved = c.results.filter((r) => r.change !== 'unchanged');
        const unchanged = c.results.filter((r) => r.change === 'unchanged');
        return html`<section class="card" aria-label="Comparison">
          <h2>
            <a href=${paths.run(c.a.id)}>A ${c.a.id}</a> → <a href=${paths.run(c.b.id)}>B ${c.b.id}</a>
          </h2>
          <p class="counts">
            <span class="badge ${c.counts.changed ? 'bad' : 'ok'}">${c.counts.changed} changed</span>
            <span class="badge ${c.counts.appeared ? 'info' : ''}">${c.counts.appeared} appeared</span>
            <span class="badge ${c.counts.disappeared ? 'info' : ''}">${c.counts.disappeared} disappeared</span>
            <span class="badge">${c.counts.unchanged} unchanged</span>
          </p>
          ${moved.length ? moved.map((r) => this.row(r)) : html`<p class="muted">No verdict changed, and both runs have the same results.</p>`}
          ${
            unchanged.length
              ? html`<details class="unchanged">
                  <summary>${unchanged.length} unchanged</summary>
                  ${unchanged.map((r) => this.row(r))}
                </details>`
              : nothing
          }
        </section>`;
      },
    });
  }

  private row(r: ComparedResult) {
    return html`<article class="result ${r.change}" data-key=${r.key}>
      <header>
        <span class="badge ${r.change === 'changed' ? 'bad' : r.change === 'unchanged' ? '' : 'info'}">${changeWords[r.change]}</span>
        <strong>${r.scenarioId}</strong> <span class="muted">${r.key.slice(r.scenarioId.length)}</span>
        <div class="muted">${r.title}</div>
      </header>
      <div class="sides">${this.side('A', r.a)}${this.side('B', r.b)}</div>
    </article>`;
  }

  private side(name: 'A' | 'B', side: ComparedSide | undefined) {
    if (!side)
      return html`<div class="side absent"><span class="which">${name}</span> <span class="muted">not in this run</span></div>`;
    return html`<div class="side">
      <span class="which">${name}</span> <verdict-mark verdict=${side.verdict}></verdict-mark>
      <dl>
        <dt>observed</dt><dd>${side.observed}</dd>
        <dt>reason</dt><dd>${side.reason || '-'}</dd>
      </dl>
    </div>`;
  }
}

customElements.define('run-compare', RunCompare);

declare global {
  interface HTMLElementTagNameMap {
    'run-compare': RunCompare;
  }
}
