import { html, LitElement, nothing } from 'lit';
import type { Check, CheckStatus } from '../../api/types.ts';
import { theme } from '../../styles/theme.ts';
import { styles } from './styles.ts';

export const checkMarks: Record<CheckStatus, string> = { ok: '✓', problem: '✗', warning: '!' };

/**
 * The checks of one explained message: problems and warnings in full (what was found,
 * the two values compared, the spec, the fix and the console setting to change), ok
 * checks on one line. Status is a mark and a word, never colour alone.
 */
export class CheckList extends LitElement {
  static override properties = {
    checks: { attribute: false },
    showOk: { type: Boolean, attribute: 'show-ok' },
  };
  static override styles = [theme, styles];
  checks: Check[] = [];
  showOk = false;

  override render() {
    const shown = this.checks.filter((c) => this.showOk || c.status !== 'ok');
    const hidden = this.checks.length - shown.length;
    return html`<ul class="checks" role="list">
        ${shown.map((c) => this.item(c))}
      </ul>
      ${hidden ? html`<p class="small muted more">${hidden} ok check${hidden === 1 ? '' : 's'} hidden.</p>` : nothing}`;
  }

  private item(c: Check) {
    const full = c.status !== 'ok';
    return html`<li class="check ${c.status}" data-check=${c.id}>
      <div class="head">
        <span class="status"><span class="mark" aria-hidden="true">${checkMarks[c.status]}</span>${c.status}</span>
        <code class="id">${c.id}</code>
        ${c.where ? html`<span class="where">${c.where}</span>` : nothing}
      </div>
      <p class="text">${c.text}</p>
      ${
        full || c.expected !== undefined || c.actual !== undefined
          ? html`<dl class="facts">
            ${c.expected !== undefined ? html`<dt>Expected</dt><dd class="mono">${c.expected}</dd>` : nothing}
            ${c.actual !== undefined ? html`<dt>Actual</dt><dd class="mono">${c.actual}</dd>` : nothing}
            ${full && c.spec ? html`<dt>Spec</dt><dd>${c.spec}</dd>` : nothing}
          </dl>`
          : nothing
      }
      ${
        full && c.fix
          ? html`<div class="fix">
            <strong>Fix on the ${c.fix.side === 'idp' ? 'IdP' : 'SP'} side:</strong> ${c.fix.text}
            ${c.fix.setting ? html`<div class="setting">${c.fix.setting}</div>` : nothing}
          </div>`
          : nothing
      }
    </li>`;
  }
}

customElements.define('check-list', CheckList);

declare global {
  interface HTMLElementTagNameMap {
    'check-list': CheckList;
  }
}
