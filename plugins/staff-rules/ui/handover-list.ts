import { html, nothing, type TemplateResult } from 'lit';
import type { HandoverNote } from '../server/model.js';

/** One handover note: who wrote it and when, the text, who read it, and a 已读 button when unread. */
export function handoverNote(
  note: HandoverNote,
  t: (zh: string, en: string) => string,
  time: (iso: string) => string,
  onRead: ((note: HandoverNote) => void) | undefined,
): TemplateResult {
  return html`<li class="note" data-note=${note.id}>
    <div class="meta">${note.writtenByName} · ${time(note.writtenAt)}</div>
    <div class="text">${note.text}</div>
    <div class="reads">${note.reads.length
      ? t(`已读：${note.reads.map((r) => r.name).join('、')}`, `Read by: ${note.reads.map((r) => r.name).join(', ')}`)
      : t('还没有人读', 'Nobody has read it yet')}</div>
    ${onRead ? html`<button class="read" @click=${() => onRead(note)}>${t('已读', 'Mark read')}</button>` : nothing}
  </li>`;
}
