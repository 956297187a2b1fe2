import type { PluginUiContext } from '@workbench/ui';

/** The words of the exchange/reshipment order and courier claim sections of the case editor. */
export function addFollowUpWords(wb: PluginUiContext): void {
  wb.i18n.add('zh-CN', {
    'after-sales.followUp.exchange': '换货发货单', 'after-sales.followUp.reship': '补发发货单',
    'after-sales.followUp.order': '发货订单', 'after-sales.followUp.tracking': '已发出，运单号', 'after-sales.followUp.notShipped': '还没发出（在仓库审单、波次、出库中）',
    'after-sales.followUp.sku': '发出的商家编码', 'after-sales.followUp.quantity': '件数',
    'after-sales.followUp.make.exchange': '建换货订单', 'after-sales.followUp.make.reship': '建补发订单',
    'after-sales.followUp.whenReady': '到“换货待发”后在这里建发货订单',
    'after-sales.claim.title': '快递索赔', 'after-sales.claim.kind': '问题', 'after-sales.claim.amount': '索赔金额（元）', 'after-sales.claim.open': '向快递索赔',
    'after-sales.claim.claimed': '索赔', 'after-sales.claim.offer': '给顾客的补救', 'after-sales.claim.amountPaid': '赔付金额（元）', 'after-sales.claim.paidOn': '赔付日期',
    'after-sales.claim.paid': '已赔付', 'after-sales.claim.refused': '拒赔',
    'after-sales.claim.kind.lost': '丢件', 'after-sales.claim.kind.damaged': '破损', 'after-sales.claim.kind.confiscated': '扣货',
    'after-sales.claim.offer.refund': '退款', 'after-sales.claim.offer.exchange': '换货', 'after-sales.claim.offer.gift': '赠品',
    'after-sales.claim.state.claimed': '索赔中', 'after-sales.claim.state.paid': '快递已赔付', 'after-sales.claim.state.refused': '快递拒赔',
    'after-sales.claim.step.recorded': '登记问题件', 'after-sales.claim.step.compared': '核对地址与运单', 'after-sales.claim.step.called': '联系快递',
    'after-sales.claim.step.located': '记下包裹所在', 'after-sales.claim.step.told': '告知顾客',
  });
  wb.i18n.add('en', {
    'after-sales.followUp.exchange': 'Exchange order', 'after-sales.followUp.reship': 'Reshipment order',
    'after-sales.followUp.order': 'Order', 'after-sales.followUp.tracking': 'Sent, tracking number', 'after-sales.followUp.notShipped': 'Not sent yet (in review, waves or at the stations)',
    'after-sales.followUp.sku': 'SKU code to send', 'after-sales.followUp.quantity': 'Pieces',
    'after-sales.followUp.make.exchange': 'Make the exchange order', 'after-sales.followUp.make.reship': 'Make the reshipment order',
    'after-sales.followUp.whenReady': 'Once the case is "Replacement to send", its order is made here',
    'after-sales.claim.title': 'Courier claim', 'after-sales.claim.kind': 'Problem', 'after-sales.claim.amount': 'Amount claimed (元)', 'after-sales.claim.open': 'Claim from the courier',
    'after-sales.claim.claimed': 'claimed', 'after-sales.claim.offer': 'Offered to the buyer', 'after-sales.claim.amountPaid': 'Amount paid (元)', 'after-sales.claim.paidOn': 'Day paid',
    'after-sales.claim.paid': 'Paid', 'after-sales.claim.refused': 'Refused',
    'after-sales.claim.kind.lost': 'Lost', 'after-sales.claim.kind.damaged': 'Damaged', 'after-sales.claim.kind.confiscated': 'Confiscated',
    'after-sales.claim.offer.refund': 'Refund', 'after-sales.claim.offer.exchange': 'Exchange', 'after-sales.claim.offer.gift': 'Gift',
    'after-sales.claim.state.claimed': 'Claimed', 'after-sales.claim.state.paid': 'Paid by the courier', 'after-sales.claim.state.refused': 'Refused by the courier',
    'after-sales.claim.step.recorded': 'Record the problem parcel', 'after-sales.claim.step.compared': 'Compare address and waybill', 'after-sales.claim.step.called': 'Call the courier',
    'after-sales.claim.step.located': "Note the parcel's whereabouts", 'after-sales.claim.step.told': 'Tell the customer',
  });
}
