import type { PluginUiContext } from '@workbench/ui';
import './phrase-panel.js';
import './phrase-library.js';

/** Runs once per page, when a view of the plugin is first shown. */
export function activate(wb: PluginUiContext): void {
  // Phrases
  wb.i18n.add('zh-CN', {
    'cs-scripts.phrases.search': '输入文字、:快捷码或拼音首字母筛选，↑↓ 选，回车复制',
    'cs-scripts.phrases.order': '订单号（用来填短语）',
    'cs-scripts.phrases.none': '没有符合的短语',
    'cs-scripts.phrases.copied': '已复制：{text}',
    'cs-scripts.phrases.missing': '没能填上：{names}',
    'cs-scripts.phrases.uses': '用过 {n} 次',
    'cs-scripts.phrases.mine': '我的',
    'cs-scripts.phrases.favourite': '收藏',
    'cs-scripts.phrases.all': '全部',
    'cs-scripts.library.title': '短语库',
    'cs-scripts.library.new': '新建短语',
    'cs-scripts.library.group': '分组',
    'cs-scripts.library.shortcut': '快捷码',
    'cs-scripts.library.tags': '标签（逗号隔开）',
    'cs-scripts.library.text': '内容',
    'cs-scripts.library.shared': '共享给全店',
    'cs-scripts.library.save': '保存',
    'cs-scripts.library.delete': '删除',
    'cs-scripts.library.saved': '已保存',
    'cs-scripts.library.preview': '预览（按订单填好）',
    'cs-scripts.library.placeholders': '可用的占位符（点一下插入）',
    'cs-scripts.library.import': '导入',
    'cs-scripts.library.export': '导出',
    'cs-scripts.library.format.csv': 'CSV（分组、快捷码、内容）',
    'cs-scripts.library.format.qianniu': '千牛短语文本',
    'cs-scripts.library.imported': '已导入 {n} 条',
  });
  wb.i18n.add('en', {
    'cs-scripts.phrases.search': 'Type words, :shortcut or pinyin initials; ↑↓ to choose, Enter copies',
    'cs-scripts.phrases.order': 'Order number (to fill the phrases)',
    'cs-scripts.phrases.none': 'No phrase matches',
    'cs-scripts.phrases.copied': 'Copied: {text}',
    'cs-scripts.phrases.missing': 'Could not fill: {names}',
    'cs-scripts.phrases.uses': 'used {n} times',
    'cs-scripts.phrases.mine': 'Mine',
    'cs-scripts.phrases.favourite': 'Starred',
    'cs-scripts.phrases.all': 'All',
    'cs-scripts.library.title': 'Phrase library',
    'cs-scripts.library.new': 'New phrase',
    'cs-scripts.library.group': 'Group',
    'cs-scripts.library.shortcut': 'Shortcut',
    'cs-scripts.library.tags': 'Tags (comma separated)',
    'cs-scripts.library.text': 'Text',
    'cs-scripts.library.shared': 'Shared with the shop',
    'cs-scripts.library.save': 'Save',
    'cs-scripts.library.delete': 'Delete',
    'cs-scripts.library.saved': 'Saved',
    'cs-scripts.library.preview': 'Preview (filled from an order)',
    'cs-scripts.library.placeholders': 'Placeholders (click to insert)',
    'cs-scripts.library.import': 'Import',
    'cs-scripts.library.export': 'Export',
    'cs-scripts.library.format.csv': 'CSV (group, shortcut, text)',
    'cs-scripts.library.format.qianniu': "千牛's phrase text",
    'cs-scripts.library.imported': '{n} imported',
  });
}
