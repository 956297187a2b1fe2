import type { PluginUiContext } from '@workbench/ui';

/** Runs once per page, when one of procurement's views is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {});
  wb.i18n.add('en', {});
}
