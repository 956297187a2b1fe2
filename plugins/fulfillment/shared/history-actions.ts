// The steps of an order's history in words, as the order editor shows them: the server records a
// step's id (`auto-review`), the reader sees 自动审单 / Auto-review.
import type { Bilingual } from './state-names.js';

export const HISTORY_ACTION_NAMES: Record<string, Bilingual> = {
  import: { 'zh-CN': '导入', en: 'Imported' },
  reimport: { 'zh-CN': '重新导入', en: 'Imported again' },
  create: { 'zh-CN': '手工录入', en: 'Entered' },
  edit: { 'zh-CN': '修改', en: 'Edited' },
  approve: { 'zh-CN': '审核通过', en: 'Approved' },
  exception: { 'zh-CN': '转异常', en: 'Exception' },
  'auto-review': { 'zh-CN': '自动审单转异常', en: 'Exception (auto-review)' },
  fraud: { 'zh-CN': '标记欺诈', en: 'Marked as fraud' },
  reopen: { 'zh-CN': '退回待审核', en: 'Back to review' },
  close: { 'zh-CN': '关闭', en: 'Closed' },
  flag: { 'zh-CN': '插旗', en: 'Flagged' },
  remark: { 'zh-CN': '加备注', en: 'Remark added' },
  'price-change': { 'zh-CN': '改价', en: 'Price changed' },
  'map-item': { 'zh-CN': '宝贝对应到 SKU', en: 'Item matched to a SKU' },
  wave: { 'zh-CN': '进入波次', en: 'Put in a wave' },
  unwave: { 'zh-CN': '移出波次', en: 'Taken out of the wave' },
  pick: { 'zh-CN': '拣货', en: 'Picked' },
  putback: { 'zh-CN': '放回库位', en: 'Goods put back' },
  verify: { 'zh-CN': '复核', en: 'Verified' },
  'verify-reset': { 'zh-CN': '复核重新开始', en: 'Verification started again' },
  ship: { 'zh-CN': '发货', en: 'Shipped' },
};

/** A step's name in both languages; an id this list does not know is shown as it is. */
export function historyActionName(action: string): Bilingual {
  return HISTORY_ACTION_NAMES[action] ?? { 'zh-CN': action, en: action };
}
