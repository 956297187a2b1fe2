import type { PluginUiContext } from '@workbench/ui';
import './notes-view.js';

/** Runs once per page, when the notes view is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'cs-scripts.notes': '备忘',
    'cs-scripts.text': '内容',
    'cs-scripts.createdAt': '时间',
    'cs-scripts.add': '记下',
    'cs-scripts.placeholder': '写一条备忘……',
    'cs-scripts.saved': '已记下',
  });
  wb.i18n.add('en', {
    'cs-scripts.notes': 'Notes',
    'cs-scripts.text': 'Text',
    'cs-scripts.createdAt': 'Written',
    'cs-scripts.add': 'Add',
    'cs-scripts.placeholder': 'Write a note…',
    'cs-scripts.saved': 'Saved',
  });
}
