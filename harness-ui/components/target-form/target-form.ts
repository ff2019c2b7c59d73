import { html, nothing } from 'lit';
import type { ProviderInfo, TargetConfig, TargetListing } from '../../api/types.ts';
import { ApiElement } from '../../state/api-element.ts';
import { theme } from '../../styles/theme.ts';
import '../error-note/error-note.ts';
import { styles } from './styles.ts';

/** Fired when a target was saved; the list shows it. */
export class TargetSavedEvent extends Event {
  static readonly eventName = 'target-saved';
  readonly saved: TargetListing;

  constructor(target: TargetListing) {
    super(TargetSavedEvent.eventName, { bubbles: true, composed: true });
    this.saved = target;
  }
}

/** Fired when the person closes the form without saving. */
export class TargetFormCancelEvent extends Event {
  static readonly eventName = 'target-form-cancel';
  constructor() {
    super(TargetFormCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

type Mode = 'metadata' | 'manual' | 'edit';

/**
 * Adds a target by importing SP metadata (URL, file or paste) or by typing its entityID,
 * ACS URL and login URL; or edits a saved one. Always asks how to tell who is logged in (the probe).
 */
export class TargetForm extends ApiElement {
  static override properties = {
    providers: { attribute: false },
    editing: { attribute: false },
    mode: { state: true },
    source: { state: true },
    protocol: { state: true },
    busy: { state: true },
    failure: { state: true },
  };
  static override styles = [theme, styles];
  providers: ProviderInfo[] = [];
  /** The saved target being edited, if any. */
  editing: TargetListing | undefined = undefined;
  mode: Mode = 'metadata';
  source: 'url' | 'upload' | 'paste' = 'url';
  protocol: 'saml' | 'oidc' = 'saml';
  busy = false;
  failure: unknown = undefined;
  private fileText = '';

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('editing') && this.editing) this.mode = 'edit';
  }

  override render() {
    return html`<form class="card" @submit=${this.submit} aria-label=${this.mode === 'edit' ? 'Edit target' : 'Add a target'}>
      <h2>${this.mode === 'edit' ? html`Edit target <code>${this.editing?.id}</code>` : 'Add a target'}</h2>
      ${
        this.mode === 'edit'
          ? nothing
          : html`<div class="tabs" role="tablist">
            <button type="button" role="tab" aria-selected=${this.mode === 'metadata' ? 'true' : 'false'} @click=${() => {
              this.mode = 'metadata';
            }}>Import SP metadata</button>
            <button type="button" role="tab" aria-selected=${this.mode === 'manual' ? 'true' : 'false'} @click=${() => {
              this.mode = 'manual';
            }}>Describe it by hand</button>
          </div>`
      }
      ${this.mode === 'metadata' ? this.metadataFields() : nothing}
      ${this.mode === 'manual' ? this.manualFields() : nothing}
      ${this.mode === 'edit' ? this.editFields() : this.common()}
      ${this.probeFields()}
      <error-note context=${this.mode === 'metadata' ? 'The metadata was not imported' : 'The target was not saved'} .error=${this.failure}></error-note>
      <div class="actions" style="margin-top: var(--s3)">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : this.mode === 'metadata' ? 'Import and save' : 'Save target'}</button>
        <button type="button" @click=${() => this.dispatchEvent(new TargetFormCancelEvent())}>Cancel</button>
      </div>
    </form>`;
  }

  private samlProviders() {
    return this.providers.filter((p) => p.protocol === 'saml');
  }

  private metadataFields() {
    return html`<fieldset>
      <legend>SP metadata</legend>
      <div class="choices" role="radiogroup" aria-label="Where the metadata comes from">
        ${(['url', 'upload', 'paste'] as const).map(
          (s) =>
            html`<label><input type="radio" name="source" .checked=${this.source === s} @change=${() => {
              this.source = s;
            }} />${{ url: 'From a URL', upload: 'Upload a file', paste: 'Paste XML' }[s]}</label>`,
        )}
      </div>
      ${
        this.source === 'url'
          ? html`<div class="field"><label for="metadataUrl">Metadata URL</label>
            <input id="metadataUrl" name="metadataUrl" type="url" required placeholder="https://app.example/saml/metadata" /></div>`
          : nothing
      }
      ${
        this.source === 'upload'
          ? html`<div class="field"><label for="file">Metadata file (XML)</label>
            <input id="file" type="file" accept=".xml,application/xml,text/xml" required @change=${this.readFile} /></div>`
          : nothing
      }
      ${
        this.source === 'paste'
          ? html`<div class="field"><label for="metadataXml">Metadata XML</label>
            <textarea id="metadataXml" name="metadataXml" required placeholder="<md:EntityDescriptor …>"></textarea></div>`
          : nothing
      }
      ${this.providerSelect(this.samlProviders(), 'The SAML provider it trusts')}
    </fieldset>`;
  }

  private manualFields() {
    return html`<fieldset>
      <legend>The SP</legend>
      <div class="choices" role="radiogroup" aria-label="Protocol">
        <label><input type="radio" name="protocol" .checked=${this.protocol === 'saml'} @change=${() => {
          this.protocol = 'saml';
        }} />SAML</label>
        <label><input type="radio" name="protocol" .checked=${this.protocol === 'oidc'} @change=${() => {
          this.protocol = 'oidc';
        }} />OIDC</label>
      </div>
      ${
        this.protocol === 'saml'
          ? html`<div class="grid2">
              <div class="field"><label for="entityId">SP entityID</label><input id="entityId" name="entityId" type="text" required placeholder="https://app.example/saml" /></div>
              <div class="field"><label for="acsUrl">ACS URL</label><input id="acsUrl" name="acsUrl" type="url" required placeholder="https://app.example/saml/acs" /></div>
            </div>
            ${this.providerSelect(this.samlProviders(), 'The SAML provider it trusts')}`
          : html`${this.providerSelect(
              this.providers.filter((p) => p.protocol === 'oidc'),
              'The OIDC provider it trusts',
            )}
            <div class="field"><label for="client">Client ID</label><input id="client" name="client" type="text" required />
              <div class="help">A client configured on that provider (clients are set in the config file).</div></div>`
      }
    </fieldset>`;
  }

  private common() {
    return html`<fieldset>
      <legend>The target</legend>
      <div class="grid2">
        <div class="field"><label for="id">Target id</label><input id="id" name="id" type="text" pattern="[a-zA-Z0-9][a-zA-Z0-9._\\-]*" ?required=${this.mode === 'manual'} placeholder=${this.mode === 'metadata' ? 'from the entityID' : 'my-app'} /></div>
        <div class="field"><label for="displayName">Display name</label><input id="displayName" name="displayName" type="text" placeholder="My app (staging)" /></div>
      </div>
      <div class="field"><label for="loginUrl">Login URL</label><input id="loginUrl" name="loginUrl" type="url" required placeholder="https://app.example/login/sso" />
        <div class="help">The SP URL that starts a login through this IdP (it should redirect to the provider).</div></div>
    </fieldset>`;
  }

  private editFields() {
    const target = this.editing!.target;
    return html`<fieldset>
      <legend>The target</legend>
      <div class="field"><label for="displayName">Display name</label><input id="displayName" name="displayName" type="text" .value=${target.displayName ?? ''} /></div>
      ${Object.entries(target.connections).map(
        ([
          name,
          c,
        ]) => html`<div class="field"><label for="login-${name}">Login URL of connection "${name}" (${c.provider})</label>
          <input id="login-${name}" name="login:${name}" type="url" required .value=${c.loginUrl} /></div>`,
      )}
    </fieldset>`;
  }

  private probeFields() {
    const probe = this.editing?.target.probe;
    return html`<fieldset>
      <legend>Probe: how to tell who is logged in</legend>
      <div class="grid2">
        <div class="field"><label for="probeUrl">Probe URL</label><input id="probeUrl" name="probeUrl" type="url" required .value=${probe?.url ?? ''} placeholder="https://app.example/api/me" />
          <div class="help">A page that shows the logged-in user.</div></div>
        <div class="field"><label for="contains">When logged in, it contains</label><input id="contains" name="contains" type="text" .value=${probe?.contains ?? '{{user.email}}'} />
          <div class="help"><code>{{user.email}}</code> stands for the expected user.</div></div>
        <div class="field"><label for="status">Status when logged in</label><input id="status" name="status" type="number" .value=${probe?.status ? String(probe.status) : '200'} /></div>
      </div>
    </fieldset>`;
  }

  private providerSelect(providers: ProviderInfo[], label: string) {
    if (!providers.length)
      return html`<p class="small" style="color: var(--fail)">No such provider is configured.</p>`;
    return html`<div class="field"><label for="provider">${label}</label>
      <select id="provider" name="provider">${providers.map((p) => html`<option value=${p.id}>${p.displayName} (${p.id})</option>`)}</select></div>`;
  }

  private async readFile(event: Event) {
    this.fileText = (await (event.target as HTMLInputElement).files?.[0]?.text()) ?? '';
  }

  private async submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => {
      const value = String(form.get(name) ?? '').trim();
      return value || undefined;
    };
    const status = Number(text('status'));
    const probe = {
      url: text('probeUrl'),
      ...(text('contains') ? { contains: text('contains') } : {}),
      ...(Number.isInteger(status) && status > 0 ? { status } : {}),
    };
    this.busy = true;
    this.failure = undefined;
    try {
      let saved: TargetListing;
      if (this.mode === 'edit') {
        const current = this.editing!.target;
        const target: TargetConfig = {
          ...current,
          displayName: text('displayName'),
          connections: Object.fromEntries(
            Object.entries(current.connections).map(([name, c]) => [
              name,
              { ...c, loginUrl: text(`login:${name}`) ?? c.loginUrl },
            ]),
          ),
          probe: { ...current.probe, ...probe } as TargetConfig['probe'],
        };
        saved = await this.api.putTarget(this.editing!.id, target);
      } else if (this.mode === 'manual' && this.protocol === 'oidc') {
        const provider = text('provider')!;
        saved = await this.api.putTarget(text('id') ?? 'my-app', {
          displayName: text('displayName'),
          connections: {
            [provider]: { provider, client: text('client'), loginUrl: text('loginUrl')!, tags: [] },
          },
          probe: probe as TargetConfig['probe'],
        });
      } else {
        const answer = await this.api.importMetadata({
          source: this.mode === 'manual' ? 'manual' : this.source,
          provider: text('provider'),
          id: text('id'),
          displayName: text('displayName'),
          loginUrl: text('loginUrl'),
          probe,
          ...(this.mode === 'manual'
            ? { entityId: text('entityId'), acsUrl: text('acsUrl') }
            : this.source === 'url'
              ? { metadataUrl: text('metadataUrl') }
              : {
                  metadataXml:
                    this.source === 'upload' ? this.fileText : String(form.get('metadataXml') ?? ''),
                }),
        });
        saved = answer.target;
      }
      this.dispatchEvent(new TargetSavedEvent(saved));
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('target-form', TargetForm);

declare global {
  interface HTMLElementTagNameMap {
    'target-form': TargetForm;
  }
  interface HTMLElementEventMap {
    'target-saved': TargetSavedEvent;
    'target-form-cancel': TargetFormCancelEvent;
  }
}
