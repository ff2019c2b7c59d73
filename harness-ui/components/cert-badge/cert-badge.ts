import { html, LitElement } from 'lit';
import { certificateExpiry } from './expiry.ts';
import { styles } from './styles.ts';

const marks = { valid: '✓', expiring: '!', expired: '✗', 'not-yet-valid': '✗' } as const;

/** A certificate's validity as a badge: "expired 3 days ago", "expires in 12 days". */
export class CertBadge extends LitElement {
  static override properties = {
    notBefore: { attribute: 'not-before' },
    notAfter: { attribute: 'not-after' },
  };
  static override styles = styles;
  notBefore = '';
  notAfter = '';

  override render() {
    const expiry = certificateExpiry(this.notBefore, this.notAfter);
    return html`<span class="badge ${expiry.state}" title="valid ${this.notBefore.slice(0, 10)} to ${this.notAfter.slice(0, 10)}"
      ><span aria-hidden="true">${marks[expiry.state]}</span>${expiry.label}</span
    >`;
  }
}

customElements.define('cert-badge', CertBadge);

declare global {
  interface HTMLElementTagNameMap {
    'cert-badge': CertBadge;
  }
}
