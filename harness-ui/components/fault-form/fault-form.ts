import { html, LitElement, nothing } from 'lit';
import type { FaultListing } from '../../api/types.ts';
import { theme } from '../../styles/theme.ts';
import { type Field, fieldsFromSchema, inputValue, type JsonSchema, readInput } from './schema-fields.ts';
import { styles } from './styles.ts';

/** Fired on every edit: the parameters as they now read, and what is wrong with them. */
export class FaultParamsChangeEvent extends Event {
  static readonly eventName = 'fault-params-change';
  readonly params: Record<string, unknown>;
  readonly errors: string[];

  constructor(params: Record<string, unknown>, errors: string[]) {
    super(FaultParamsChangeEvent.eventName, { bubbles: true, composed: true });
    this.params = params;
    this.errors = errors;
  }
}

let formCount = 0;

/** The parameter form of one fault, rendered from the JSON Schema of its parameters. */
export class FaultForm extends LitElement {
  static override properties = {
    fault: { attribute: false },
    params: { attribute: false },
    raw: { state: true },
    touched: { state: true },
  };
  static override styles = [theme, styles];
  fault: FaultListing | undefined = undefined;
  params: Record<string, unknown> = {};
  raw: Record<string, string | boolean> = {};
  touched = new Set<string>();
  private readonly uid = `ff${++formCount}`;

  private get fields(): Field[] {
    return this.fault ? fieldsFromSchema(this.fault.paramsSchema as JsonSchema) : [];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('fault')) {
      this.raw = Object.fromEntries(this.fields.map((f) => [f.name, inputValue(f, this.params[f.name])]));
      this.touched = new Set();
    }
  }

  override render() {
    const fields = this.fields;
    if (!fields.length) return html`<p class="none">This fault has no parameters.</p>`;
    return html`<div class="fields">${fields.map((f) => this.field(f))}</div>`;
  }

  private field(f: Field) {
    const id = `${this.uid}-${f.name}`;
    const raw = this.raw[f.name] ?? '';
    const { error } = this.touched.has(f.name) ? readInput(f, raw) : {};
    const describedBy = `${id}-help ${id}-err`;
    const common = { id, invalid: Boolean(error) };
    let input: unknown;
    switch (f.kind) {
      case 'boolean':
        return html`<div class="field">
          <label class="check"><input type="checkbox" id=${id} .checked=${raw === true} @change=${(e: Event) => this.set(f, (e.target as HTMLInputElement).checked)} />${f.label}</label>
          ${f.description ? html`<div class="help" id="${id}-help">${f.description}</div>` : nothing}
        </div>`;
      case 'choice':
        input = html`<select id=${common.id} class=${common.invalid ? 'invalid' : ''} aria-describedby=${describedBy} aria-required=${f.required ? 'true' : 'false'} aria-invalid=${common.invalid ? 'true' : 'false'}
          @change=${(e: Event) => this.set(f, (e.target as HTMLSelectElement).value)}>
          ${f.required ? nothing : html`<option value="" ?selected=${raw === ''}>(default)</option>`}
          ${f.required && raw === '' ? html`<option value="" selected disabled>Choose…</option>` : nothing}
          ${f.choices.map((c) => html`<option value=${c} ?selected=${c === raw}>${c}</option>`)}
        </select>`;
        break;
      case 'list':
      case 'json':
        input = html`<textarea id=${common.id} class=${common.invalid ? 'invalid' : ''} aria-describedby=${describedBy} aria-required=${f.required ? 'true' : 'false'} aria-invalid=${common.invalid ? 'true' : 'false'}
          placeholder=${f.kind === 'list' ? 'one per line' : 'JSON'} .value=${String(raw)}
          @input=${(e: Event) => this.set(f, (e.target as HTMLTextAreaElement).value)}></textarea>`;
        break;
      default:
        input = html`<input id=${common.id} class=${common.invalid ? 'invalid' : ''} aria-describedby=${describedBy} aria-required=${f.required ? 'true' : 'false'} aria-invalid=${common.invalid ? 'true' : 'false'}
          type=${f.kind === 'url' ? 'url' : f.kind === 'text' ? 'text' : 'number'} .value=${String(raw)}
          placeholder=${f.default !== undefined ? `default: ${String(f.default)}` : ''}
          @input=${(e: Event) => this.set(f, (e.target as HTMLInputElement).value)} />`;
    }
    return html`<div class="field">
      <label for=${id}>${f.label}${f.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${input}
      ${f.description ? html`<div class="help" id="${id}-help">${f.description}</div>` : nothing}
      <div class="err" id="${id}-err" role=${error ? 'alert' : nothing}>${error ?? ''}</div>
    </div>`;
  }

  private set(field: Field, value: string | boolean) {
    this.raw = { ...this.raw, [field.name]: value };
    this.touched = new Set([...this.touched, field.name]);
    this.emit();
  }

  /** Checks every field (as on submit) and reports. */
  validate(): string[] {
    this.touched = new Set(this.fields.map((f) => f.name));
    return this.emit();
  }

  private emit(): string[] {
    const params: Record<string, unknown> = {};
    const errors: string[] = [];
    for (const f of this.fields) {
      const { value, error } = readInput(f, this.raw[f.name] ?? '');
      if (error) errors.push(error);
      // A value equal to the default is left out: the scenario holds only what was changed.
      else if (
        value !== undefined &&
        !sameValue(value, f.default ?? (f.kind === 'boolean' ? false : undefined))
      ) {
        params[f.name] = value;
      }
    }
    this.dispatchEvent(new FaultParamsChangeEvent(params, errors));
    return errors;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

customElements.define('fault-form', FaultForm);

declare global {
  interface HTMLElementTagNameMap {
    'fault-form': FaultForm;
  }
  interface HTMLElementEventMap {
    'fault-params-change': FaultParamsChangeEvent;
  }
}
