import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles } from './styles.js';
import { WbElement } from './wb-element.js';

/** A field a file's header lacks, as the importer's problem lists it. */
export interface UnmappedField {
  key: string;
  header: string;
  required: boolean;
}

/** One file of an import that asked: its header and the fields missing from it. */
export interface UnmappedFile {
  file: string;
  layout: string;
  header: string[];
  fields: UnmappedField[];
}

/** The problem of an import ended with `kind: 'columns-unmapped'`. */
export interface ColumnsUnmappedProblem {
  kind: 'columns-unmapped';
  detail?: string;
  files: UnmappedFile[];
}

/** True for the problem of an import that asks which columns hold its missing fields. */
export function isColumnsUnmapped(problem: unknown): problem is ColumnsUnmappedProblem {
  return typeof problem === 'object' && problem !== null && (problem as { kind?: unknown }).kind === 'columns-unmapped' && Array.isArray((problem as { files?: unknown }).files);
}

// The choice "this field is not in the file", apart from any header cell (cells are never empty).
const ABSENT = '';

/**
 * Asks which column of each file holds each field its header lacks: one choice per field among
 * the file's header cells, and "not in this file" for optional fields. Saving PUTs one mapping
 * per file (`/api/<plugin>/importers/<importer>/mappings/<layout>`) and fires `mapping-saved`, on
 * which the upload element sends the same files again.
 *
 * @fires mapping-saved - every file's answer is saved
 * @fires mapping-cancel - the clerk gave up
 */
@customElement('wb-column-mapping')
export class WbColumnMapping extends WbElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; margin-top: 10px; }
      .file { margin: 0 0 10px; }
      .file h4 { margin: 6px 0; font-size: 13px; }
      .fields { display: grid; grid-template-columns: max-content minmax(0, 16em); gap: 6px 12px; align-items: center; }
      .fields label { white-space: nowrap; }
      .required::after { content: ' *'; color: var(--wb-danger, #c42b1c); }
      .buttons { display: flex; gap: 8px; justify-content: flex-end; }
      .error { color: var(--wb-danger, #c42b1c); }
    `,
  ];

  @property({ attribute: false }) problem?: ColumnsUnmappedProblem;
  @property() plugin = '';
  @property() importer = '';
  @state() private answers: Record<string, Record<string, string>> = {};
  @state() private saving = false;
  @state() private error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('problem')) {
      this.answers = {};
      this.error = '';
    }
  }

  override render() {
    const problem = this.problem;
    if (!problem) return nothing;
    return html`<form @submit=${(e: Event) => void this.save(e)}>
      <p class="hint">${this.t(
        '文件的表头里有几项这个导入认不出来。请指出下面每一项在文件的哪一列（带 * 的必须选）；保存后，同样表头的文件以后会直接导入，不再询问。',
        'This import does not recognise some fields in the file’s header. Choose the column that holds each field below (those marked * are required); once saved, files with the same header import without asking.',
      )}</p>
      ${problem.files.map((file) => this.renderFile(file))}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('mapping-cancel', { bubbles: true, composed: true }))}>${this.t('取消', 'Cancel')}</button>
        <button type="submit" class="primary save-mapping" ?disabled=${this.saving || !this.complete()}>${this.t('保存对应并导入', 'Save and import')}</button>
      </div>
    </form>`;
  }

  private renderFile(file: UnmappedFile) {
    const cells = file.header.filter((c) => c !== '');
    return html`<section class="file">
      <h4>${this.t(`“${file.file}”里的列`, `Columns of “${file.file}”`)}</h4>
      <div class="fields">
        ${file.fields.map((field) => {
          const id = `map-${file.layout}-${field.key}`;
          const value = this.answers[file.layout]?.[field.key] ?? ABSENT;
          return html`<label for=${id} class=${field.required ? 'required' : ''}>${field.header}</label>
            <select id=${id} data-field=${field.key} .value=${value} @change=${(e: Event) => this.answer(file, field, (e.target as HTMLSelectElement).value)}>
              <option value=${ABSENT} ?selected=${value === ABSENT}>${field.required ? this.t('请选择…', 'Choose…') : this.t('文件里没有这一项', 'Not in this file')}</option>
              ${cells.map((cell) => html`<option value=${cell} ?selected=${value === cell}>${cell}</option>`)}
            </select>`;
        })}
      </div>
    </section>`;
  }

  private answer(file: UnmappedFile, field: UnmappedField, cell: string): void {
    this.answers = { ...this.answers, [file.layout]: { ...this.answers[file.layout], [field.key]: cell } };
  }

  /** Every required field has a column. */
  private complete(): boolean {
    return (this.problem?.files ?? []).every((f) => f.fields.every((x) => !x.required || (this.answers[f.layout]?.[x.key] ?? ABSENT) !== ABSENT));
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.problem || !this.complete()) return;
    this.saving = true;
    this.error = '';
    try {
      for (const file of this.problem.files) {
        const columns = Object.fromEntries(file.fields.map((f) => [f.key, (this.answers[file.layout]?.[f.key] ?? ABSENT) || null]));
        await this.api.put(`/${this.plugin}/importers/${this.importer}/mappings/${file.layout}`, { columns });
      }
      this.dispatchEvent(new CustomEvent('mapping-saved', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-column-mapping': WbColumnMapping;
  }
}
