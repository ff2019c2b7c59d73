import { html, LitElement, nothing } from 'lit';
import { ApiError } from '../../api/client.ts';
import { styles } from './styles.ts';

/** Shows an error where the person acted: what went wrong, and what to do next. */
export class ErrorNote extends LitElement {
  static override properties = { error: { attribute: false }, context: {} };
  static override styles = styles;
  error: unknown = undefined;
  /** What was being done ("Could not import the metadata"). */
  context = 'Something went wrong';

  override render() {
    if (!this.error) return nothing;
    const api = this.error instanceof ApiError ? this.error : undefined;
    const message = this.error instanceof Error ? this.error.message : String(this.error);
    return html`<div class="note" role="alert">
      <div class="title">${this.context}</div>
      <div>${message}</div>
      ${api?.hint ? html`<div class="hint">${api.hint}</div>` : nothing}
      ${api && api.code !== 'UNREACHABLE' ? html`<code>${api.code}, HTTP ${api.status}</code>` : nothing}
    </div>`;
  }
}

customElements.define('error-note', ErrorNote);

declare global {
  interface HTMLElementTagNameMap {
    'error-note': ErrorNote;
  }
}
