import type { PluginUiContext } from '@workbench/ui';
import './cases-view.js';

/** Runs once per page, when a view of the plugin is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'after-sales.caseNo': '售后单号',
    'after-sales.orderNo': '订单编号',
    'after-sales.item': '商品',
    'after-sales.kind': '类型',
    'after-sales.state': '状态',
    'after-sales.reason': '原因',
    'after-sales.dueAt': '处理期限',
  });
  wb.i18n.add('en', {
    'after-sales.caseNo': 'Case',
    'after-sales.orderNo': 'Order',
    'after-sales.item': 'Item',
    'after-sales.kind': 'Kind',
    'after-sales.state': 'State',
    'after-sales.reason': 'Reason',
    'after-sales.dueAt': 'Answer by',
  });
}
