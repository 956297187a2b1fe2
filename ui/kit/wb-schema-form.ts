import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { FieldProblem } from './api-error.js';
import type { LocalizedText } from './i18n.js';
import type { JsonSchema } from './settings-service.js';
import { controlStyles } from './styles.js';
import { loadValidator } from './validator-loader.js';
import { WbElement } from './wb-element.js';

type Json = Record<string, unknown>;

const STRINGS = {
  'zh-CN': { save: '保存', saving: '正在保存…', invalid: '有 {n} 处需要修改', unavailable: '暂时无法校验：{message}' },
  en: { save: 'Save', saving: 'Saving…', invalid: '{n} field(s) need attention', unavailable: 'Cannot validate right now: {message}' },
};

/**
 * A form generated from a JSON Schema (an object of strings, numbers, integers, booleans, enums,
 * string lists and nested objects). The browser checks it with the *server's* validator for the
 * same schema (`validator`, a URL of `/api/workbench/validators/…`), so messages match the API's
 * and appear beside each field in the user's language. Labels come from `x-title`
 * (`{ zh-CN, en }`) or `title`; help text from `description`.
 *
 * @fires wb-submit - detail: `{ value }`, only when the value is valid
 * @example
 * html`<wb-schema-form .schema=${s.schema} .value=${s.value}
 *   validator=${this.api.url('/workbench/validators/settings/listings')}
 *   @wb-submit=${(e) => save(e.detail.value)}></wb-schema-form>`
 */
@customElement('wb-schema-form')
export class WbSchemaForm extends WbElement {
  static override styles = [
    controlStyles,
    css`
      form { display: grid; gap: 14px; max-width: 560px; }
      .field { display: grid; gap: 4px; }
      label { font-weight: 600; }
      .check { display: flex; align-items: center; gap: 8px; font-weight: 600; }
      .help { font-size: 12px; color: var(--wb-muted, #6b6b6b); }
      .error { font-size: 12px; }
      fieldset { border: 1px solid var(--wb-border, #c8c8c8); border-radius: 6px; display: grid; gap: 12px; padding: 10px 14px; }
      .actions { display: flex; gap: 8px; align-items: center; }
      fieldset.plain { border: none; padding: 0; margin: 0; display: grid; gap: 14px; }
    `,
  ];

  @property({ attribute: false }) schema: JsonSchema = {};
  @property({ attribute: false }) value: Json = {};
  /** URL of the validator module; without it only the server checks. */
  @property() validator = '';
  @property({ type: Boolean }) busy = false;
  /** Shows the values without a save button (for people who may read but not change them). */
  @property({ type: Boolean }) readonly = false;
  @property() submitLabel = '';
  @state() private problems = new Map<string, string>();
  @state() private draft: Json = {};
  @state() private summary = '';

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value')) this.draft = structuredClone(this.value ?? {});
  }

  /** Shows problems from the server (e.g. an ApiError's `fields`) beside their fields. */
  setErrors(problems: FieldProblem[]): void {
    this.problems = new Map(problems.map((p) => [p.path, p.message]));
    this.summary = problems.length ? this._s('invalid', problems.length) : '';
  }

  /** The form's current value (not yet validated). */
  get current(): Json {
    return structuredClone(this.draft);
  }

  /** Checks the current value with the server's validator; true when valid. */
  async check(): Promise<boolean> {
    if (!this.validator) return true;
    try {
      const validate = await loadValidator(this.validator);
      this.setErrors(validate(structuredClone(this.draft), this.i18n.locale));
    } catch (error) {
      this.summary = this._s('unavailable', 0, error instanceof Error ? error.message : String(error));
      return true; // the server still checks on save
    }
    return this.problems.size === 0;
  }

  override render() {
    return html`<form novalidate @submit=${this._submit}><fieldset class="plain" ?disabled=${this.readonly}>
      ${this._object(this.schema, '', this.draft)}</fieldset>
      <div class="actions">
        ${this.readonly ? nothing : html`<button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this._s('saving') : this.submitLabel || this._s('save')}</button>`}
        ${this.summary ? html`<span class="error" role="alert">${this.summary}</span>` : nothing}
      </div>
    </form>`;
  }

  private _object(schema: JsonSchema, path: string, value: Json): TemplateResult[] {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    return Object.entries(properties).map(([key, prop]) => this._field(key, prop, `${path}/${key}`, value, required.has(key)));
  }

  private _field(key: string, schema: JsonSchema, path: string, parent: Json, required: boolean): TemplateResult {
    const label = this.i18n.text((schema['x-title'] as LocalizedText | undefined) ?? (schema.title as string | undefined) ?? key) + (required ? ' *' : '');
    const id = `f${path.replace(/\W/g, '-')}`;
    const problem = this.problems.get(path);
    const help = schema.description ? html`<span class="help" id="${id}-help">${this.i18n.text(schema.description as LocalizedText)}</span>` : nothing;
    const error = problem ? html`<span class="error" id="${id}-error">${problem}</span>` : nothing;
    const describedBy = [schema.description ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const invalid = problem ? 'true' : 'false';
    const current = parent[key];
    const set = (v: unknown) => {
      if (v === undefined) delete parent[key];
      else parent[key] = v;
      this.requestUpdate();
      if (this.problems.size) void this.check();
    };
    const type = schema.type;
    if (type === 'object') {
      const child = (parent[key] ??= {}) as Json;
      return html`<fieldset><legend>${label}</legend>${this._object(schema, path, child)}</fieldset>`;
    }
    if (type === 'boolean') {
      return html`<div class="field"><label class="check"><input id=${id} type="checkbox" .checked=${live(current === true)} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${label}</label>${help}${error}</div>`;
    }
    let control: TemplateResult;
    const options = (schema.enum as unknown[] | undefined) ?? ((schema.items as JsonSchema | undefined)?.enum as unknown[] | undefined);
    if (schema.enum) {
      control = html`<select id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} @change=${(e: Event) => set(options![(e.target as HTMLSelectElement).selectedIndex - 1])}>
        <option value="" ?selected=${current === undefined}>—</option>
        ${options!.map((o) => html`<option ?selected=${o === current}>${String(o)}</option>`)}
      </select>`;
    } else if (type === 'array') {
      const lines = Array.isArray(current) ? current.join('\n') : '';
      control = html`<textarea id=${id} rows="4" aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(lines)} @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value.split('\n').map((l) => l.trim()).filter(Boolean))}></textarea>`;
    } else if (type === 'integer' || type === 'number') {
      control = html`<input id=${id} type="number" inputmode="decimal" step=${type === 'integer' ? '1' : 'any'} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(current === undefined ? '' : String(current))}
        @input=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value.trim();
          set(text === '' ? undefined : Number(text));
        }} />`;
    } else {
      const kind = schema.format === 'date' ? 'date' : schema.format === 'email' ? 'email' : 'text';
      control = html`<input id=${id} type=${kind} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(typeof current === 'string' ? current : '')} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
    }
    return html`<div class="field"><label for=${id}>${label}</label>${control}${help}${error}</div>`;
  }

  private async _submit(event: Event) {
    event.preventDefault();
    if (!(await this.check())) {
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent('wb-submit', { detail: { value: structuredClone(this.draft) }, bubbles: true, composed: true }));
  }

  private _s(key: keyof (typeof STRINGS)['en'], n = 0, message = ''): string {
    const table = STRINGS[this.i18n.locale === 'en' ? 'en' : 'zh-CN'];
    return table[key].replace('{n}', String(n)).replace('{message}', message);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-schema-form': WbSchemaForm;
  }
}
