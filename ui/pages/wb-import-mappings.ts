import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LocalizedText } from '../kit/i18n.js';
import { controlStyles } from '../kit/styles.js';
import { confirmDialog } from '../kit/wb-dialog.js';
import { WbElement } from '../kit/wb-element.js';
import type { PluginContributions } from '../shell/contributions.js';
import { pageStyles } from './page-styles.js';

/** `GET /api/<plugin>/importers/<id>/mappings` items. */
interface ImportMapping {
  layout: string;
  header: string[];
  columns: Record<string, string | null>;
  fields: { key: string; header: string; required: boolean }[];
  createdByName: string | null;
  createdAt: string;
}

interface ImporterMappings {
  id: string;
  title: LocalizedText;
  items: ImportMapping[];
}

/**
 * The column mappings clerks saved for a plugin's importers (each answer to an import that asked
 * which column holds a field), under the plugin's settings: the header each matches, what it maps,
 * who saved it and when; each removable, after which such files are asked about again. Only the
 * importers the user may run are shown (the mappings share the importer's permission).
 */
@customElement('wb-import-mappings')
export class WbImportMappings extends WbElement {
  static override styles = [
    controlStyles,
    pageStyles,
    css`
      :host { margin-top: 24px; }
      h3 { font-size: 13px; margin: 14px 0 6px; }
      .header { font-size: 12px; color: var(--wb-muted, #6b6b6b); }
      /* A long export header is shown in full on hover; four lines say which layout it is. */
      .header span { display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
      .columns { margin: 0; padding: 0; list-style: none; }
      .columns li, td.by, td.at, td button { white-space: nowrap; }
    `,
  ];

  @property() plugin = '';
  @state() private importers: ImporterMappings[] = [];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('plugin')) void this.load();
  }

  private async load(): Promise<void> {
    const plugin = this.plugin;
    try {
      const { plugins } = await this.api.get<{ plugins: PluginContributions[] }>('/workbench/contributions');
      const importers = plugins.find((p) => p.id === plugin)?.importers ?? [];
      const loaded = await Promise.all(importers.map(async (i) => ({ id: i.id, title: i.title, items: (await this.api.get<{ items: ImportMapping[] }>(`/${plugin}/importers/${i.id}/mappings`)).items })));
      if (plugin === this.plugin) this.importers = loaded;
    } catch (error) {
      this.notifications.error(error);
    }
  }

  override render() {
    if (!this.importers.length) return nothing;
    return html`<h2>${this.t('导入的表头对应', 'Column mappings of imports')}</h2>
      <p class="muted">${this.t('导入时文件表头缺列、由店员指出对应列后保存的记录。删除后，同样表头的文件下次导入时会重新询问。', 'Saved when an import asked which column of a file holds a field. Removed, files with that header are asked about again.')}</p>
      ${this.importers.map((importer) => html`<h3>${this.i18n.text(importer.title)}</h3>
        ${importer.items.length
          ? html`<table class="mappings" data-importer=${importer.id}>
              <thead><tr><th>${this.t('文件表头', 'File header')}</th><th>${this.t('对应', 'Mapping')}</th><th>${this.t('保存人', 'Saved by')}</th><th>${this.t('时间', 'Saved at')}</th><th></th></tr></thead>
              <tbody>${importer.items.map((m) => html`<tr>
                <td class="header" title=${m.header.filter((c) => c !== '').join('，')}><span>${m.header.filter((c) => c !== '').join('，')}</span></td>
                <td><ul class="columns">${m.fields.map((f) => html`<li>${f.header} ← ${m.columns[f.key] ?? this.t('（文件里没有）', '(not in the file)')}</li>`)}</ul></td>
                <td class="by">${m.createdByName ?? ''}</td>
                <td class="at">${this.i18n.dateTime(m.createdAt)}</td>
                <td><button class="remove-mapping" @click=${() => void this.removeMapping(importer, m)}>${this.t('删除', 'Remove')}</button></td>
              </tr>`)}</tbody>
            </table>`
          : html`<p class="muted">${this.t('还没有保存的对应。', 'No mappings saved yet.')}</p>`}`)}`;
  }

  private async removeMapping(importer: ImporterMappings, mapping: ImportMapping): Promise<void> {
    const ok = await confirmDialog(this, {
      heading: this.t('删除表头对应', 'Remove column mapping'),
      message: this.t('删除后，这种表头的文件下次导入时会重新询问各列的对应。', 'Files with this header will be asked about again at their next import.'),
      danger: true,
    });
    if (!ok) return;
    try {
      await this.api.delete(`/${this.plugin}/importers/${importer.id}/mappings/${mapping.layout}`);
      await this.load();
    } catch (error) {
      this.notifications.error(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-import-mappings': WbImportMappings;
  }
}
