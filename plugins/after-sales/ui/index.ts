import type { PluginUiContext } from '@workbench/ui';
import './cases-view.js';

/** Runs once per page, when a view of the plugin is first shown. */
export function activate(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'after-sales.queue': '售后队列', 'after-sales.open': '开售后单', 'after-sales.onlyOpen': '只看未结束的',
    'after-sales.caseNo': '售后单号', 'after-sales.orderNo': '订单编号', 'after-sales.itemId': '行号', 'after-sales.item': '商品',
    'after-sales.kind': '类型', 'after-sales.state': '状态', 'after-sales.reason': '原因', 'after-sales.reasonText': '说明', 'after-sales.dueAt': '处理期限',
    'after-sales.overdue': '已超时', 'after-sales.empty': '没有售后单',
    'after-sales.decision': '处理', 'after-sales.finished': '已结束', 'after-sales.timeline': '经过',
    'after-sales.money': '退款', 'after-sales.linePaid': '该行实付', 'after-sales.shippingPaid': '实付运费', 'after-sales.refunded': '已退',
    'after-sales.goods': '货款', 'after-sales.shipping': '运费', 'after-sales.compensation': '补偿', 'after-sales.total': '合计', 'after-sales.refund': '记退款',
    'after-sales.evidence': '凭证与备注', 'after-sales.customerWords': '顾客原话', 'after-sales.note': '备注', 'after-sales.noteKind': '类别', 'after-sales.add': '记下',
    'after-sales.responsibility': '责任', 'after-sales.undecided': '尚未判定', 'after-sales.party': '责任方', 'after-sales.mistake': '失误类型',
    'after-sales.returnShipping': '退货运费（元）', 'after-sales.decide': '判定',
    'after-sales.party.customer': '顾客', 'after-sales.party.shop': '店铺失误', 'after-sales.party.courier': '快递', 'after-sales.party.supplier': '供应商',
    'after-sales.mistake.cs-remark': '客服备注', 'after-sales.mistake.label': '面单', 'after-sales.mistake.wrong-pack': '发错货', 'after-sales.mistake.defect-missed': '漏检次品',
  });
  wb.i18n.add('en', {
    'after-sales.queue': 'Case queue', 'after-sales.open': 'Open a case', 'after-sales.onlyOpen': 'Open cases only',
    'after-sales.caseNo': 'Case', 'after-sales.orderNo': 'Order', 'after-sales.itemId': 'Line', 'after-sales.item': 'Item',
    'after-sales.kind': 'Kind', 'after-sales.state': 'State', 'after-sales.reason': 'Reason', 'after-sales.reasonText': 'Details', 'after-sales.dueAt': 'Answer by',
    'after-sales.overdue': 'overdue', 'after-sales.empty': 'No cases',
    'after-sales.decision': 'Decision', 'after-sales.finished': 'Finished', 'after-sales.timeline': 'Timeline',
    'after-sales.money': 'Refunds', 'after-sales.linePaid': 'Line paid', 'after-sales.shippingPaid': 'Shipping paid', 'after-sales.refunded': 'Refunded',
    'after-sales.goods': 'Goods', 'after-sales.shipping': 'Shipping', 'after-sales.compensation': 'Compensation', 'after-sales.total': 'Total', 'after-sales.refund': 'Record refund',
    'after-sales.evidence': 'Evidence and notes', 'after-sales.customerWords': "Customer's words", 'after-sales.note': 'Note', 'after-sales.noteKind': 'Kind', 'after-sales.add': 'Add',
    'after-sales.responsibility': 'Responsibility', 'after-sales.undecided': 'Not decided yet', 'after-sales.party': 'Responsible party', 'after-sales.mistake': 'Mistake',
    'after-sales.returnShipping': 'Return shipping (元)', 'after-sales.decide': 'Decide',
    'after-sales.party.customer': 'Customer', 'after-sales.party.shop': "Shop's mistake", 'after-sales.party.courier': 'Courier', 'after-sales.party.supplier': 'Supplier',
    'after-sales.mistake.cs-remark': 'CS remark', 'after-sales.mistake.label': 'Label', 'after-sales.mistake.wrong-pack': 'Wrong pack', 'after-sales.mistake.defect-missed': 'Defect missed',
  });
}
