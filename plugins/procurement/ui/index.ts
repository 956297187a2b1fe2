import type { PluginUiContext } from '@workbench/ui';
import './notes-view.js';

/** Runs once per page, when the notes view is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'procurement.notes': '备忘',
    'procurement.text': '内容',
    'procurement.createdAt': '时间',
    'procurement.add': '记下',
    'procurement.placeholder': '写一条备忘……',
    'procurement.saved': '已记下',
  });
  wb.i18n.add('en', {
    'procurement.notes': 'Notes',
    'procurement.text': 'Text',
    'procurement.createdAt': 'Written',
    'procurement.add': 'Add',
    'procurement.placeholder': 'Write a note…',
    'procurement.saved': 'Saved',
  });
}
