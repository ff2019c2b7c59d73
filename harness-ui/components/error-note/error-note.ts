import { html, LitElement, nothing } from 'lit';
import { styles } from './styles.ts';

interface ApiLike {
  code: string;
  status: number;
  hint: string | undefined;
}

/** Shows an error where the person acted: what went wrong, and what to do next. */
export class ErrorNote extends LitElement {
  static override properties = { error: { attribute: false }, context: {} };
  static override styles = styles;
  error: unknown = undefined;
  /** What was being done ("Could not import the metadata"). */
  context = 'Something went wrong';

  override render() {
    if (!this.error) return nothing;
    // Any error with a code, status and hint reads like the API's (ApiError, or one rebuilt from JSON).
    const api =
      typeof this.error === 'object' && 'code' in this.error ? (this.error as Partial<ApiLike>) : undefined;
    const message = this.error instanceof Error ? this.error.message : String(this.error);
    return html`<div class="note" role="alert">
      <div class="title">${this.context}</div>
      <div>${message}</div>
      ${api?.hint ? html`<div class="hint">${api.hint}</div>` : nothing}
      ${api?.code && api.code !== 'UNREACHABLE' ? html`<code>${api.code}${api.status ? `, HTTP ${api.status}` : ''}</code>` : nothing}
    </div>`;
  }
}

customElements.define('error-note', ErrorNote);

declare global {
  interface HTMLElementTagNameMap {
    'error-note': ErrorNote;
  }
}
