import { ContextProvider } from '@lit/context';
import { html, LitElement, type TemplateResult } from 'lit';
import { ApiClient } from '../../api/client.ts';
import { apiContext } from '../../state/contexts.ts';
import { navigate, parseRoute, type Route } from '../../state/router.ts';
import { theme } from '../../styles/theme.ts';
import '../compose-view/compose-view.ts';
import '../explain-view/explain-view.ts';
import '../history-view/history-view.ts';
import '../providers-view/providers-view.ts';
import '../provisioning-view/provisioning-view.ts';
import '../result-view/result-view.ts';
import '../run-monitor/run-monitor.ts';
import '../run-view/run-view.ts';
import '../scenarios-view/scenarios-view.ts';
import '../targets-view/targets-view.ts';
import '../trace-view/trace-view.ts';
import { styles } from './styles.ts';

const pages: Array<{ path: string; label: string; icon: string; match: Route['page'][] }> = [
  { path: '/providers', label: 'Providers', icon: '◎', match: ['providers'] },
  { path: '/provisioning', label: 'Provisioning', icon: '⇄', match: ['provisioning'] },
  { path: '/targets', label: 'Targets', icon: '◇', match: ['targets'] },
  { path: '/explain', label: 'Explain', icon: '?', match: ['explain'] },
  { path: '/scenarios', label: 'Scenarios', icon: '☰', match: ['scenarios'] },
  { path: '/compose', label: 'Compose', icon: '✎', match: ['compose'] },
  { path: '/run', label: 'Run', icon: '▶', match: ['run', 'run-detail', 'result'] },
  { path: '/trace', label: 'Trace', icon: '≋', match: ['trace'] },
  { path: '/history', label: 'History', icon: '◷', match: ['history'] },
];

/**
 * The UI's shell: the navigation, the page for the current path, and the API client
 * every page gets through context. Links inside any page navigate without a reload.
 */
export class SsoApp extends LitElement {
  static override properties = { route: { state: true } };
  static override styles = [theme, styles];
  route: Route = parseRoute(location.pathname);

  constructor() {
    super();
    new ContextProvider(this, { context: apiContext, initialValue: new ApiClient() });
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    this.addEventListener('click', this.onClick);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.removeEventListener('click', this.onClick);
  }

  private readonly onPopState = () => {
    this.route = parseRoute(location.pathname);
    window.scrollTo(0, 0);
  };

  /** Same-origin links to UI pages navigate in place; downloads, API and IdP links do not. */
  private readonly onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (
      !anchor ||
      anchor.target ||
      anchor.hasAttribute('download') ||
      anchor.getAttribute('href')?.startsWith('#')
    )
      return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || /^\/(api|saml|oidc)\//.test(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  };

  /** The skip link: fragment links do not reach into shadow DOM, so focus the page by hand. */
  private skipToMain(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  override updated() {
    const page = pages.find((p) => p.match.includes(this.route.page));
    document.title = page ? `${page.label} · sso-harness` : 'sso-harness';
    // On a narrow screen the navigation scrolls sideways: keep the current page's link in view.
    const current = this.renderRoot.querySelector<HTMLElement>('nav a.item[aria-current="page"]');
    const nav = current?.parentElement;
    if (current && nav && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
    }
  }

  override render() {
    return html`<div class="shell">
      <a class="skip" href="#main" @click=${this.skipToMain}>Skip to the page</a>
      <nav aria-label="Pages">
        <a class="brand" href="/providers">sso-harness</a>
        <div class="tagline">Mock SAML &amp; OIDC identity provider. Test keys only.</div>
        ${pages.map(
          (p) =>
            html`<a class="item" href=${p.path} aria-current=${p.match.includes(this.route.page) ? 'page' : 'false'}
              ><span class="ico" aria-hidden="true">${p.icon}</span>${p.label}</a
            >`,
        )}
        <div class="foot">Never let a production SP trust this IdP.</div>
      </nav>
      <main id="main" tabindex="-1">${this.page()}</main>
    </div>`;
  }

  private page(): TemplateResult {
    const route = this.route;
    switch (route.page) {
      case 'providers':
        return html`<providers-view></providers-view>`;
      case 'provisioning':
        return html`<provisioning-view></provisioning-view>`;
      case 'targets':
        return html`<targets-view></targets-view>`;
      case 'explain':
        return html`<explain-view></explain-view>`;
      case 'scenarios':
        return html`<scenarios-view></scenarios-view>`;
      case 'compose':
        return html`<compose-view></compose-view>`;
      case 'run':
        return html`<run-view></run-view>`;
      case 'run-detail':
        return html`<p class="crumbs"><a href="/history">← History</a></p>
          <h1>Run</h1>
          <run-monitor .runId=${route.runId}></run-monitor>`;
      case 'result':
        return html`<result-view .runId=${route.runId} .resultKey=${route.key}></result-view>`;
      case 'trace':
        return html`<trace-view></trace-view>`;
      case 'history':
        return html`<history-view></history-view>`;
      case 'not-found':
        return html`<h1>Nothing here</h1>
          <p>The UI has no page at <code>${route.path}</code>. Pick one on the left.</p>`;
    }
  }
}

customElements.define('sso-app', SsoApp);

declare global {
  interface HTMLElementTagNameMap {
    'sso-app': SsoApp;
  }
}
