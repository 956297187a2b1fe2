import type { PluginUiContext } from '@workbench/ui';
import './notes-view.js';

/** Runs once per page, when the notes view is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'staff-rules.notes': '备忘',
    'staff-rules.text': '内容',
    'staff-rules.createdAt': '时间',
    'staff-rules.add': '记下',
    'staff-rules.placeholder': '写一条备忘……',
    'staff-rules.saved': '已记下',
  });
  wb.i18n.add('en', {
    'staff-rules.notes': 'Notes',
    'staff-rules.text': 'Text',
    'staff-rules.createdAt': 'Written',
    'staff-rules.add': 'Add',
    'staff-rules.placeholder': 'Write a note…',
    'staff-rules.saved': 'Saved',
  });
}
