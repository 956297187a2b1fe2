import type { PluginUiContext } from '@workbench/ui';
import './notes-view.js';

/** Runs once per page, when the notes view is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    '__ID__.notes': '备忘',
    '__ID__.text': '内容',
    '__ID__.createdAt': '时间',
    '__ID__.add': '记下',
    '__ID__.placeholder': '写一条备忘……',
    '__ID__.saved': '已记下',
  });
  wb.i18n.add('en', {
    '__ID__.notes': 'Notes',
    '__ID__.text': 'Text',
    '__ID__.createdAt': 'Written',
    '__ID__.add': 'Add',
    '__ID__.placeholder': 'Write a note…',
    '__ID__.saved': 'Saved',
  });
}
