import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { controlStyles, panelStyles, WbElement, type Column, type WbDataTable } from '@workbench/ui';

type NoteRow = { id: number; text: string; createdAt: string };

/** The side-bar view: a box to write a note, and every note, newest first. */
@customElement('wb-cs-scripts-notes')
export class CsScriptsNotesView extends WbElement {
  static override styles = [controlStyles, panelStyles, css`
    :host { display: flex; flex-direction: column; gap: 8px; height: 100%; padding: 8px; box-sizing: border-box; }
    form { display: flex; gap: 8px; }
    input { flex: 1; }
    wb-data-table { flex: 1; }
  `];
  @state() private text = '';
  @state() private error = '';

  override render() {
    const t = (key: string) => this.i18n.t(`cs-scripts.${key}`);
    const columns: Column<NoteRow>[] = [
      { key: 'text', title: t('text') },
      { key: 'createdAt', title: t('createdAt'), type: 'datetime', width: '150px' },
    ];
    return html`${this.workbench.can('cs-scripts.notes.write')
        ? html`<form @submit=${(e: Event) => void this.add(e)}>
            <input name="text" .value=${this.text} placeholder=${t('placeholder')} aria-label=${t('text')}
              @input=${(e: Event) => (this.text = (e.target as HTMLInputElement).value)} />
            <button class="primary" type="submit">${t('add')}</button>
          </form>
          ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}`
        : nothing}
      <wb-data-table source="/cs-scripts/notes" storageKey="cs-scripts-notes" .columns=${columns}></wb-data-table>`;
  }

  private async add(event: Event): Promise<void> {
    event.preventDefault();
    try {
      await this.api.post('/cs-scripts/notes', { text: this.text });
      this.text = '';
      this.error = '';
      this.notifications.notify('success', this.i18n.t('cs-scripts.saved'));
      await this.renderRoot.querySelector<WbDataTable>('wb-data-table')?.reload();
    } catch (error) {
      // The server's message names what to change (too long, empty) in the user's language.
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-cs-scripts-notes': CsScriptsNotesView;
  }
}
