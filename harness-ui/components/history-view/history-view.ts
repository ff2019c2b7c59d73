import { Task } from '@lit/task';
import { html } from 'lit';
import type { RunListing } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { paths } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import '../run-compare/run-compare.ts';
import { styles } from './styles.ts';

/** Past runs from the state folder, newest first, with their totals; pick two to compare them. */
export class HistoryView extends ApiElement {
  static override properties = { picked: { state: true }, comparing: { state: true } };
  static override styles = [theme, styles];
  /** Runs ticked for comparing, in the order ticked (at most two). */
  picked: RunListing[] = [];
  /** The earlier and the later of the two runs being compared. */
  comparing: [string, string] | undefined;

  private readonly runs = new Task(this, { task: () => this.api.runs(), args: () => [] });

  override render() {
    return html`<h1>History</h1>
      <p class="muted">Every run, from the CLI or this UI, kept in the state folder. Open one for its results and evidence.</p>
      ${this.runs.render({
        pending: () => html`<p class="muted" role="status">Loading runs…</p>`,
        error: (error) =>
          html`<error-note context="Could not load the run history" .error=${error}></error-note>`,
        complete: (runs) =>
          runs.length
            ? html`${this.compareBar()}
              <div class="card table-wrap" style="padding: 0">
                <table>
                  <thead><tr><th><span class="visually-hidden">compare</span></th><th>started</th><th>run</th><th>targets</th><th>driver</th><th>status</th><th>totals</th></tr></thead>
                  <tbody>
                    ${runs.map(
                      (r) => html`<tr>
                        <td><input type="checkbox" aria-label="Compare run ${r.id}"
                          .checked=${this.picked.some((p) => p.id === r.id)}
                          @change=${(e: Event) => this.pick(r, (e.target as HTMLInputElement).checked)}></td>
                        <td class="when">${new Date(r.startedAt).toLocaleString()}</td>
                        <td><a href=${paths.run(r.id)}>${r.id}</a></td>
                        <td>${r.targets.join(', ')}</td>
                        <td>${r.driver}</td>
                        <td>${r.status === 'finished' ? r.status : html`<span class="badge warn">${r.status}</span>`}</td>
                        <td>
                          <span class="totals">
                            ${
                              r.reproduction
                                ? html`<span class="badge ok">✓ ${r.summary.passed} reproduced</span>
                                  <span class="badge ${r.summary.failed ? 'bad' : ''}">✗ ${r.summary.failed} not reproduced</span>
                                  <span class="badge ${r.summary.errored + r.summary.skipped ? 'warn' : ''}">! ${r.summary.errored + r.summary.skipped} not judged</span>`
                                : html`<span class="badge ok">✓ ${r.summary.passed} pass</span>
                                  <span class="badge ${r.summary.failed ? 'bad' : ''}">✗ ${r.summary.failed} fail</span>
                                  <span class="badge ${r.summary.errored ? 'warn' : ''}">! ${r.summary.errored} error</span>
                                  ${r.summary.skipped ? html`<span class="badge">– ${r.summary.skipped} skipped</span>` : ''}`
                            }
                          </span>
                        </td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : html`<div class="card empty">No runs yet. Start one on the <a href="/run">Run</a> page.</div>`,
      })}`;
  }

  private compareBar() {
    const [first, second] = this.picked;
    return html`<div class="compare-bar">
        <span class="muted">${
          second
            ? html`Compare ${first!.id} with ${second.id}:`
            : first
              ? html`Pick one more run to compare with ${first.id}.`
              : 'Tick two runs to see which verdicts changed between them.'
        }</span>
        <button class="primary" ?disabled=${!second} @click=${this.compare}>Compare</button>
      </div>
      ${this.comparing ? html`<run-compare .a=${this.comparing[0]} .b=${this.comparing[1]}></run-compare>` : ''}`;
  }

  private pick(run: RunListing, on: boolean) {
    const others = this.picked.filter((p) => p.id !== run.id);
    // A third tick replaces the older pick, so two runs are always a comparable pair.
    this.picked = on ? [...others.slice(-1), run] : others;
  }

  private readonly compare = () => {
    const [a, b] = [...this.picked].sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    if (a && b) this.comparing = [a.id, b.id];
  };
}

customElements.define('history-view', HistoryView);

declare global {
  interface HTMLElementTagNameMap {
    'history-view': HistoryView;
  }
}
