import { html, LitElement, nothing } from 'lit';
import { styles } from './styles.ts';

/** Copies `value` to the clipboard; says "Copied" for a moment. */
export class CopyButton extends LitElement {
  static override properties = {
    value: {},
    label: {},
    what: {},
    copied: { state: true },
  };
  static override styles = styles;
  value = '';
  label = 'Copy';
  /** What is copied, for the accessible name when several Copy buttons share a page ("Copy token URL"). */
  what = '';
  copied = false;

  override render() {
    return html`<button type="button" class=${this.copied ? 'done' : ''} @click=${this.copy} aria-live="polite"
      aria-label=${this.what ? `${this.copied ? '✓ Copied' : this.label} ${this.what}` : nothing}>
      ${this.copied ? '✓ Copied' : this.label}
    </button>`;
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.value);
    } catch {
      // Clipboard API refused (http origin, permissions): fall back to a hidden textarea.
      const area = document.createElement('textarea');
      area.value = this.value;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    this.copied = true;
    setTimeout(() => {
      this.copied = false;
    }, 1500);
  }
}

customElements.define('copy-button', CopyButton);

declare global {
  interface HTMLElementTagNameMap {
    'copy-button': CopyButton;
  }
}
