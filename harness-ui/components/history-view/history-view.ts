import { Task } from '@lit/task';
import { html } from 'lit';
import { ApiElement } from '../../state/api-element.ts';
import { paths } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import { styles } from './styles.ts';

/** Past runs from the state folder, newest first, with their totals. */
export class HistoryView extends ApiElement {
  static override styles = [theme, styles];

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
            ? html`<div class="card table-wrap" style="padding: 0">
                <table>
                  <thead><tr><th>started</th><th>run</th><th>targets</th><th>driver</th><th>status</th><th>totals</th></tr></thead>
                  <tbody>
                    ${runs.map(
                      (r) => html`<tr>
                        <td class="when">${new Date(r.startedAt).toLocaleString()}</td>
                        <td><a href=${paths.run(r.id)}>${r.id}</a></td>
                        <td>${r.targets.join(', ')}</td>
                        <td>${r.driver}</td>
                        <td>${r.status === 'finished' ? r.status : html`<span class="badge warn">${r.status}</span>`}</td>
                        <td>
                          <span class="totals">
                            <span class="badge ok">✓ ${r.summary.passed} pass</span>
                            <span class="badge ${r.summary.failed ? 'bad' : ''}">✗ ${r.summary.failed} fail</span>
                            <span class="badge ${r.summary.errored ? 'warn' : ''}">! ${r.summary.errored} error</span>
                            ${r.summary.skipped ? html`<span class="badge">– ${r.summary.skipped} skipped</span>` : ''}
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
}

customElements.define('history-view', HistoryView);

declare global {
  interface HTMLElementTagNameMap {
    'history-view': HistoryView;
  }
}
