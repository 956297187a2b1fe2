import type { PluginUiContext } from '@workbench/ui';
import './notes-view.js';

/** Runs once per page, when the notes view is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'after-sales.notes': '备忘',
    'after-sales.text': '内容',
    'after-sales.createdAt': '时间',
    'after-sales.add': '记下',
    'after-sales.placeholder': '写一条备忘……',
    'after-sales.saved': '已记下',
  });
  wb.i18n.add('en', {
    'after-sales.notes': 'Notes',
    'after-sales.text': 'Text',
    'after-sales.createdAt': 'Written',
    'after-sales.add': 'Add',
    'after-sales.placeholder': 'Write a note…',
    'after-sales.saved': 'Saved',
  });
}
