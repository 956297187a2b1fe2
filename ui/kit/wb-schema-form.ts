import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { FieldProblem } from './api-error.js';
import { fenToYuan, parseYuan } from './money.js';
import { choicesOf, defaultsOf, fieldKind, helpOf, labelOf, moneyProblemText, pointer, splitLines, swapped } from './schema-form-kinds.js';
import { schemaFormStyles } from './schema-form-styles.js';
import { formString, type FormString } from './schema-form-strings.js';
import type { JsonSchema } from './settings-service.js';
import { controlStyles } from './styles.js';
import { loadValidator } from './validator-loader.js';
import { WbElement } from './wb-element.js';
import './wb-pattern-tester.js';

type Json = Record<string, unknown>;
type Set_ = (value: unknown) => void;

/** What a control needs: where it sits, its current value, how to change it, and how it is named. */
interface Slot {
  schema: JsonSchema;
  path: string;
  value: unknown;
  set: Set_;
  id: string;
  label: string;
  /** The ids of the help and error texts, for aria-describedby. */
  describedBy: string;
  invalid: boolean;
}

/**
 * A form generated from a JSON Schema. Each field is shown by its kind (see `fieldKind`): text,
 * numbers, money (`x-unit: "fen"`: integer 分, typed and shown in 元), yes/no, a choice or a set
 * of choices with their labels (`x-labels`, or `oneOf` consts with titles), an order to arrange,
 * lines of text, patterns (`format: "regex"`) with a tester, nested groups, key → value maps, and
 * arrays of objects as rows to add, remove and reorder. The browser checks it with the *server's*
 * validator (`validator`, a URL of `/api/workbench/validators/…`), so messages match the API's;
 * each problem appears beside its field — inside a row's cell too — and one that points at no
 * field is listed under the form. Labels come from `x-title` (`{ zh-CN, en }`) or `title`; help
 * text from `x-description` (`{ zh-CN, en }`) or `description`.
 *
 * @fires wb-submit - detail: `{ value }`, only when the value is valid
 * @example
 * html`<wb-schema-form .schema=${s.schema} .value=${s.value}
 *   validator=${this.api.url('/workbench/validators/settings/listings')}
 *   @wb-submit=${(e) => save(e.detail.value)}></wb-schema-form>`
 */
@customElement('wb-schema-form')
export class WbSchemaForm extends WbElement {
  static override styles = [controlStyles, schemaFormStyles];

  @property({ attribute: false }) schema: JsonSchema = {};
  @property({ attribute: false }) value: Json = {};
  /** URL of the validator module; without it only the server checks. */
  @property() validator = '';
  @property({ type: Boolean }) busy = false;
  /** Shows the values without a save button (for people who may read but not change them). */
  @property({ type: Boolean }) readonly = false;
  @property() submitLabel = '';
  /** Problems from the validator or the server, by JSON Pointer. */
  @state() private problems = new Map<string, string>();
  /** Problems the form finds itself before the validator can (money text that is not an amount). */
  @state() private local = new Map<string, string>();
  @state() private draft: Json = {};
  @state() private summary = '';
  /** Text typed into money and word-list fields, kept as typed while it is being edited. */
  private texts = new Map<string, string>();

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value')) {
      this.draft = structuredClone(this.value ?? {});
      this.texts.clear();
      this.local = new Map();
    }
  }

  /** Shows problems from the server (e.g. an ApiError's `fields`) beside their fields. */
  setErrors(problems: FieldProblem[]): void {
    const byPath = new Map<string, string>();
    for (const p of problems) byPath.set(p.path, byPath.has(p.path) ? `${byPath.get(p.path)}；${p.message}` : p.message);
    this.problems = byPath;
    const n = byPath.size + this.local.size;
    this.summary = n ? this._s('invalid', { n }) : '';
  }

  /** The form's current value (not yet validated). */
  get current(): Json {
    return structuredClone(this.draft);
  }

  /** Checks the current value with the server's validator; true when valid. */
  async check(): Promise<boolean> {
    if (this.validator) {
      try {
        const validate = await loadValidator(this.validator);
        this.setErrors(validate(structuredClone(this.draft), this.i18n.locale));
      } catch (error) {
        this.summary = this._s('unavailable', { message: error instanceof Error ? error.message : String(error) });
        return this.local.size === 0; // the server still checks on save
      }
    } else {
      this.setErrors([...this.problems].map(([path, message]) => ({ path, message })));
    }
    return this.problems.size === 0 && this.local.size === 0;
  }

  override render() {
    const properties = Object.keys((this.schema.properties ?? {}) as Json);
    const elsewhere = this.messagesAt('', (rest) => properties.includes(rest[0]!));
    return html`<form novalidate @submit=${this._submit}><fieldset class="plain" ?disabled=${this.readonly}>
      ${this.group(this.schema, '', this.draft)}</fieldset>
      <div class="actions">
        ${this.readonly ? nothing : html`<button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? this._s('saving') : this.submitLabel || this._s('save')}</button>`}
        ${this.summary ? html`<span class="error" role="alert">${this.summary}</span>` : nothing}
      </div>
      ${elsewhere.length ? html`<ul class="elsewhere error">${elsewhere.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
    </form>`;
  }

  /** The messages at `path`, and those below it that no child field shows (`handled` says which a child does). */
  private messagesAt(path: string, handled: (rest: string[]) => boolean = () => false): string[] {
    const out: string[] = [];
    for (const [p, message] of [...this.local, ...this.problems]) {
      if (p === path || (path === '' && p === '/')) out.push(message);
      else if (p.startsWith(`${path}/`)) {
        const rest = p.slice(path.length + 1).split('/');
        if (!handled(rest)) out.push(path === '' ? this._s('elsewhere', { path: p, message }) : message);
      }
    }
    return [...new Set(out)];
  }

  private group(schema: JsonSchema, path: string, value: Json): TemplateResult[] {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required as string[] | undefined) ?? []);
    return Object.entries(properties).map(([key, prop]) => this.field(key, prop, pointer(path, key), value, required.has(key)));
  }

  private field(key: string, schema: JsonSchema, path: string, parent: Json, required: boolean): TemplateResult {
    const kind = fieldKind(schema);
    const label = labelOf(schema, key, this.i18n) + (required ? ' *' : '');
    const id = `f${path.replace(/\W/g, '-')}`;
    const set = (v: unknown) => {
      if (v === undefined) delete parent[key];
      else parent[key] = v;
      this.changed();
    };
    const childKeys = kind === 'group' ? Object.keys((schema.properties ?? {}) as Json) : [];
    // A group's fields and a table's cells show their own problems; the rest show here.
    const messages = this.messagesAt(path, (rest) => (kind === 'group' ? childKeys.includes(rest[0]!) : kind === 'rows' ? this.rowHandles(rest) : false));
    const helpText = helpOf(schema, this.i18n);
    const help = helpText ? html`<span class="help" id="${id}-help">${helpText}</span>` : nothing;
    const error = messages.length ? html`<span class="error" id="${id}-error">${messages.join('；')}</span>` : nothing;
    const slot: Slot = {
      schema, path, set, id, label,
      value: parent[key],
      describedBy: [helpText ? `${id}-help` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' '),
      invalid: messages.length > 0,
    };
    if (kind === 'group') {
      const child = (parent[key] ??= {}) as Json;
      return html`<fieldset data-path=${path}><legend>${label}</legend>${help}${error}${this.group(schema, path, child)}</fieldset>`;
    }
    if (kind === 'boolean') {
      return html`<div class="field" data-path=${path}><label class="check"><input id=${id} type="checkbox" .checked=${live(slot.value === true)} aria-invalid=${String(slot.invalid)} aria-describedby=${slot.describedBy || nothing} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${label}</label>${help}${error}</div>`;
    }
    const wide = kind === 'rows' || kind === 'choices';
    const labelled = kind === 'choices' || kind === 'order' || kind === 'rows' || kind === 'map';
    return html`<div class="field ${wide ? 'wide' : ''}" data-path=${path}>
      ${labelled ? html`<span class="label" id="${id}-label"><b>${label}</b></span>` : html`<label for=${id}>${label}</label>`}
      ${this.control(kind, slot)}${help}${error}
      ${kind === 'pattern' ? html`<wb-pattern-tester .patterns=${[{ name: label, pattern: typeof slot.value === 'string' ? slot.value : '' }]}></wb-pattern-tester>` : nothing}
    </div>`;
  }

  /** The input for one value; used for a field and for a cell of a row alike. */
  private control(kind: ReturnType<typeof fieldKind>, c: Slot): TemplateResult {
    const aria = { invalid: String(c.invalid), describedBy: c.describedBy || nothing };
    switch (kind) {
      case 'choice': {
        const choices = choicesOf(c.schema, this.i18n, this.draft, c.value);
        return html`<select id=${c.id} aria-label=${c.label} aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} @change=${(e: Event) => c.set(choices[(e.target as HTMLSelectElement).selectedIndex - 1]?.value)}>
          <option value="" ?selected=${c.value === undefined}>—</option>
          ${choices.map((o) => html`<option ?selected=${o.value === c.value} value=${String(o.value)}>${o.label}</option>`)}
        </select>`;
      }
      case 'choices': {
        const chosen = Array.isArray(c.value) ? (c.value as unknown[]) : [];
        return html`<div class="choices" role="group" aria-labelledby="${c.id}-label" aria-describedby=${aria.describedBy}>
          ${choicesOf(c.schema, this.i18n).map((o) => html`<label><input type="checkbox" value=${String(o.value)} .checked=${live(chosen.includes(o.value))}
            @change=${(e: Event) => c.set((e.target as HTMLInputElement).checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />${o.label}</label>`)}
        </div>`;
      }
      case 'order': {
        const choices = choicesOf(c.schema, this.i18n);
        const order = Array.isArray(c.value) ? (c.value as unknown[]) : choices.map((o) => o.value);
        const move = (i: number, by: number) => c.set(swapped(order, i, i + by));
        return html`<ol class="order" aria-labelledby="${c.id}-label" aria-describedby=${aria.describedBy}>
          ${order.map((v, i) => html`<li data-value=${String(v)}><span>${choices.find((o) => o.value === v)?.label ?? String(v)}</span>
            <button type="button" class="up" ?disabled=${i === 0} aria-label="${this._s('up')} ${String(v)}" @click=${() => move(i, -1)}>↑</button>
            <button type="button" class="down" ?disabled=${i === order.length - 1} aria-label="${this._s('down')} ${String(v)}" @click=${() => move(i, 1)}>↓</button></li>`)}
        </ol>`;
      }
      case 'rows': return this.rows(c);
      case 'map': return this.pairs(c);
      case 'lines': {
        const lines = Array.isArray(c.value) ? c.value.join('\n') : '';
        return html`<textarea id=${c.id} rows="4" aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} .value=${live(lines)} @input=${(e: Event) => c.set(splitLines((e.target as HTMLTextAreaElement).value))}></textarea>`;
      }
      case 'money': {
        const text = this.texts.get(c.path) ?? fenToYuan(typeof c.value === 'number' ? c.value : undefined);
        // In a table the column heading says 元; a field says it after the amount.
        const input = html`<input id=${c.id} class="yuan" inputmode="decimal" aria-label="${c.label} (${this._s('yuan')})" aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} .value=${live(text)}
          @input=${(e: Event) => this.typedMoney(c, (e.target as HTMLInputElement).value)} />`;
        return c.path.split('/').some((s) => /^\d+$/.test(s)) ? input : html`<span class="money">${input}<span class="muted">${this._s('yuan')}</span></span>`;
      }
      case 'number':
        return html`<input id=${c.id} type="number" inputmode="decimal" step=${c.schema.type === 'integer' ? '1' : 'any'} aria-label=${c.label} aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy} .value=${live(c.value === undefined ? '' : String(c.value))}
          @input=${(e: Event) => {
            const text = (e.target as HTMLInputElement).value.trim();
            c.set(text === '' ? undefined : Number(text));
          }} />`;
      default: {
        const type = c.schema.format === 'date' ? 'date' : c.schema.format === 'email' ? 'email' : 'text';
        return html`<input id=${c.id} type=${type} class=${kind === 'pattern' ? 'pattern' : ''} spellcheck=${kind === 'pattern' ? 'false' : nothing} aria-label=${c.label} aria-invalid=${aria.invalid} aria-describedby=${aria.describedBy}
          .value=${live(typeof c.value === 'string' ? c.value : '')} @input=${(e: Event) => c.set((e.target as HTMLInputElement).value)} />`;
      }
    }
  }

  /** Whether a problem at `<array>/<rest>` is shown by a row's cell (the rest show above the table). */
  private rowHandles(rest: string[]): boolean {
    // `<row>` and `<row>/<unknown key>` show at the row, `<row>/<column>` in its cell.
    return /^\d+$/.test(rest[0]!);
  }

  private rows(c: Slot): TemplateResult {
    const item = (c.schema.items ?? {}) as JsonSchema;
    const properties = Object.entries((item.properties ?? {}) as Record<string, JsonSchema>);
    const required = new Set((item.required as string[] | undefined) ?? []);
    const rows = Array.isArray(c.value) ? (c.value as Json[]) : [];
    const update = (next: Json[]) => {
      // Row numbers in problems and typed text no longer point at the same rows.
      this.forget(c.path);
      c.set(next);
    };
    const patternKey = properties.find(([, p]) => fieldKind(p) === 'pattern')?.[0];
    const nameKey = properties.find(([k]) => k === 'name')?.[0] ?? properties.find(([, p]) => fieldKind(p) === 'text')?.[0];
    return html`<div class="rows-wrap"><table class="rows" id=${c.id} aria-labelledby="${c.id}-label" aria-describedby=${c.describedBy || nothing}>
        <thead><tr>${properties.map(([k, p]) => html`<th scope="col">${labelOf(p, k, this.i18n)}${required.has(k) ? ' *' : ''}${fieldKind(p) === 'money' ? html` <span class="muted">(${this._s('yuan')})</span>` : nothing}</th>`)}<th><span class="visually-hidden">${this._s('remove')}</span></th></tr></thead>
        <tbody>${rows.map((row, i) => {
          const rowPath = pointer(c.path, i);
          const rowMessages = this.messagesAt(rowPath, (rest) => rest[0]! in ((item.properties ?? {}) as Json));
          return html`<tr data-row=${i}>
            ${properties.map(([k, p]) => this.cell(row, k, p, pointer(rowPath, k), `${this._s('row', { n: i + 1 })} ${labelOf(p, k, this.i18n)}`))}
            <td class="tools">
              <button type="button" class="up" ?disabled=${i === 0} aria-label="${this._s('up')} ${this._s('row', { n: i + 1 })}" @click=${() => update(swapped(rows, i, i - 1))}>↑</button>
              <button type="button" class="down" ?disabled=${i === rows.length - 1} aria-label="${this._s('down')} ${this._s('row', { n: i + 1 })}" @click=${() => update(swapped(rows, i, i + 1))}>↓</button>
              <button type="button" class="remove" aria-label="${this._s('remove')} ${this._s('row', { n: i + 1 })}" @click=${() => update(rows.filter((_, j) => j !== i))}>✕</button>
              ${rowMessages.length ? html`<span class="error">${rowMessages.join('；')}</span>` : nothing}
            </td></tr>`;
        })}</tbody>
      </table></div>
      <div class="actions"><button type="button" class="add-row" @click=${() => update([...rows, defaultsOf(item)])}>＋ ${this._s('add')}</button>
        ${patternKey && rows.length ? html`<wb-pattern-tester .label=${this._s('testField', { field: labelOf((item.properties as Record<string, JsonSchema>)[patternKey]!, patternKey, this.i18n) })}
          .patterns=${rows.map((r, i) => ({ name: String(r[nameKey ?? ''] ?? this._s('row', { n: i + 1 })), pattern: String(r[patternKey] ?? '') }))}></wb-pattern-tester>` : nothing}
      </div>`;
  }

  private cell(row: Json, key: string, schema: JsonSchema, path: string, label: string): TemplateResult {
    const kind = fieldKind(schema);
    const id = `f${path.replace(/\W/g, '-')}`;
    const messages = this.messagesAt(path);
    const set = (v: unknown) => {
      if (v === undefined) delete row[key];
      else row[key] = v;
      this.changed();
    };
    const slot: Slot = { schema, path, value: row[key], set, id, label, describedBy: messages.length ? `${id}-error` : '', invalid: messages.length > 0 };
    let control: TemplateResult;
    if (kind === 'boolean') control = html`<input id=${id} type="checkbox" aria-label=${label} .checked=${live(row[key] === true)} @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />`;
    else if (kind === 'lines' || kind === 'choices') control = this.words(slot);
    else if (kind === 'group' || kind === 'rows' || kind === 'map' || kind === 'order') control = html`<span class="muted">${JSON.stringify(row[key] ?? null)}</span>`;
    else control = this.control(kind, slot);
    return html`<td class="${kind}-cell" data-path=${path}>${control}${messages.length ? html`<span class="error" id="${id}-error">${messages.join('；')}</span>` : nothing}</td>`;
  }

  /** A short list of words in one input (a cell has no room for one per line). */
  private words(c: Slot): TemplateResult {
    const text = this.texts.get(c.path) ?? (Array.isArray(c.value) ? c.value.join('、') : '');
    return html`<input id=${c.id} aria-label=${c.label} title=${this._s('words')} aria-invalid=${String(c.invalid)} aria-describedby=${c.describedBy || nothing} .value=${live(text)}
      @input=${(e: Event) => {
        const typed = (e.target as HTMLInputElement).value;
        this.texts.set(c.path, typed);
        c.set(typed.split(/[,，、;；\n]/).map((w) => w.trim()).filter(Boolean));
      }} />`;
  }

  /** An object of free keys (a word → a courier code): one pair per line, in the order kept. */
  private pairs(c: Slot): TemplateResult {
    const entries = Object.entries((c.value ?? {}) as Record<string, unknown>);
    const write = (next: [string, unknown][]) => c.set(Object.fromEntries(next));
    const values = c.schema.additionalProperties as JsonSchema;
    const valueControl = (v: unknown, i: number, set: (value: string) => void) => {
      if (fieldKind(values) !== 'choice') return html`<input aria-label="${this._s('value')} ${i + 1}" .value=${live(String(v ?? ''))} @input=${(e: Event) => set((e.target as HTMLInputElement).value.trim())} />`;
      const choices = choicesOf(values, this.i18n, this.draft, v);
      return html`<select aria-label="${this._s('value')} ${i + 1}" @change=${(e: Event) => set(String(choices[(e.target as HTMLSelectElement).selectedIndex - 1]?.value ?? ''))}>
        <option value="" ?selected=${!v}>—</option>
        ${choices.map((o) => html`<option ?selected=${o.value === v} value=${String(o.value)}>${o.label}</option>`)}
      </select>`;
    };
    return html`<div class="pairs" role="group" aria-labelledby="${c.id}-label" aria-describedby=${c.describedBy || nothing}>
        ${entries.map(([k, v], i) => html`
          <input aria-label="${this._s('key')} ${i + 1}" .value=${live(k)} @change=${(e: Event) => write(entries.map((en, j) => (j === i ? [(e.target as HTMLInputElement).value.trim(), en[1]] : en)))} />
          ${valueControl(v, i, (value) => write(entries.map((en, j) => (j === i ? [en[0], value] : en))))}
          <button type="button" class="remove" aria-label="${this._s('remove')} ${k}" @click=${() => write(entries.filter((_, j) => j !== i))}>✕</button>`)}
      </div>
      ${entries.some(([k]) => k === '') ? nothing : html`<div><button type="button" class="add-row" @click=${() => write([...entries, ['', '']])}>＋ ${this._s('add')}</button></div>`}`;
  }

  private typedMoney(c: Slot, text: string): void {
    this.texts.set(c.path, text);
    const local = new Map(this.local);
    local.delete(c.path);
    if (text.trim() === '') c.set(undefined);
    else {
      const read = parseYuan(text);
      if ('fen' in read) c.set(read.fen);
      else local.set(c.path, moneyProblemText(read.problem, this.i18n.locale));
    }
    this.local = local;
  }

  private forget(path: string): void {
    for (const p of [...this.texts.keys()]) if (p.startsWith(`${path}/`)) this.texts.delete(p);
    this.local = new Map([...this.local].filter(([p]) => !p.startsWith(`${path}/`)));
    this.problems = new Map([...this.problems].filter(([p]) => !p.startsWith(`${path}/`)));
  }

  private changed(): void {
    this.requestUpdate();
    if (this.problems.size || this.summary) void this.check();
  }

  private async _submit(event: Event) {
    event.preventDefault();
    if (!(await this.check())) {
      if (!this.summary) this.summary = this._s('invalid', { n: this.problems.size + this.local.size });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent('wb-submit', { detail: { value: structuredClone(this.draft) }, bubbles: true, composed: true }));
  }

  private _s(key: FormString, params?: Record<string, string | number>): string {
    return formString(this.i18n.locale, key, params);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-schema-form': WbSchemaForm;
  }
}
