import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement } from '@workbench/ui';
import type { Procedure } from '../server/procedures/procedure-store.js';
import { stepsToText, textToSteps } from './procedure-lines.js';

/**
 * Editing a procedure: its name and its steps, one a line (add, remove, reorder by editing lines).
 * Checklists already running keep the steps they started with.
 */
@customElement('wb-cs-scripts-procedure-editor')
export class CsScriptsProcedureEditor extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: block; border-top: 1px solid var(--wb-border, #e0e0e0); padding-top: 8px; }
    form { display: flex; flex-direction: column; gap: 6px; }
    textarea { width: 100%; box-sizing: border-box; font: inherit; }
    .row { display: flex; gap: 6px; align-items: center; }
    .hint { font-size: 11px; color: var(--wb-muted, #616161); }
  `];

  @property({ attribute: false }) procedures: Procedure[] = [];
  @state() private chosen: Procedure | undefined;
  @state() private error = '';

  override render() {
    const p = this.chosen;
    return html`
      <form @submit=${(e: Event) => void this.save(e)}>
        <div class="row">
          <label>${this.t('编辑流程', 'Edit a procedure')}
            <select name="which" @change=${(e: Event) => this.choose(Number((e.target as HTMLSelectElement).value))}>
              <option value="">—</option>
              ${this.procedures.map((x) => html`<option value=${x.id} ?selected=${x.id === p?.id}>${x.name}</option>`)}
            </select></label>
          ${p ? html`<label>${this.t('名称', 'Name')} <input name="name" .value=${p.name} /></label>` : nothing}
        </div>
        ${p ? html`
          <span class="hint">${this.t('每行一步：名称 | 提示；调整行的顺序即调整步骤顺序。进行中的处理记录不受影响。', 'One step a line: title | hint; the order of the lines is the order of the steps. Checklists already running are not changed.')}</span>
          <textarea name="steps" rows=${Math.max(4, p.steps.length + 1)} .value=${stepsToText(p)} aria-label=${this.t('步骤', 'Steps')}></textarea>
          <div class="row"><button class="primary" type="submit">${this.t('保存流程', 'Save procedure')}</button></div>` : nothing}
        ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
      </form>`;
  }

  private choose(id: number): void {
    this.chosen = this.procedures.find((x) => x.id === id);
    this.error = '';
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const p = this.chosen!;
    try {
      const saved = await this.api.put<Procedure>(`/cs-scripts/procedures/${p.id}`, {
        version: p.version,
        name: (form.elements.namedItem('name') as HTMLInputElement).value,
        steps: textToSteps((form.elements.namedItem('steps') as HTMLTextAreaElement).value),
      });
      this.chosen = saved;
      this.error = '';
      this.notifications.notify('success', this.t('流程已保存', 'Procedure saved'));
      this.dispatchEvent(new CustomEvent('procedure-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-procedure-editor': CsScriptsProcedureEditor;
  }
}
