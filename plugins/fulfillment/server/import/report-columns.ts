// The columns of Taobao's 订单报表 and 宝贝报表 the importer reads, by the names the seller
// centre writes in the header, and beside each the names other shop software writes in the same
// layout (`also`). Every other column is ignored, so a later layout with more columns imports the
// same way. A column missing that is not required reads as empty (0 for money); a required one
// missing makes the import ask which column holds it (the answer is kept for that header).
import { csvHeaderName, type CsvColumns } from '@workbench/plugin-api';

export const ORDER_REPORT_COLUMNS = {
  orderNo: { header: '订单编号', required: true },
  buyerNick: { header: '买家会员名', required: true },
  buyerAccount: { header: '买家支付宝账号' },
  goodsTotal: { header: '买家应付货款', required: true },
  shippingFee: { header: '买家应付邮费' },
  total: { header: '总金额', required: true },
  paidAmount: { header: '买家实际支付金额', also: ['支付金额'] },
  status: { header: '订单状态', required: true },
  buyerMessage: { header: '买家留言' },
  receiverName: { header: '收货人姓名', also: ['收货人'], required: true },
  receiverAddress: { header: '收货地址', required: true },
  shippingMethod: { header: '运送方式' },
  phone: { header: '联系电话' },
  mobile: { header: '联系手机' },
  placedAt: { header: '订单创建时间', required: true },
  paidAt: { header: '订单付款时间' },
  trackingNo: { header: '物流单号' },
  courier: { header: '物流公司' },
  sellerRemark: { header: '订单备注' },
  shopName: { header: '店铺名称', also: ['分销商店铺名称'] },
  closeReason: { header: '订单关闭原因' },
  refundAmount: { header: '退款金额' },
} satisfies CsvColumns<string>;

export const ITEM_REPORT_COLUMNS = {
  orderNo: { header: '订单编号' },
  mainOrderNo: { header: '主订单编号' },
  subOrderNo: { header: '子订单编号' },
  title: { header: '标题', required: true },
  price: { header: '价格', required: true },
  quantity: { header: '购买数量', required: true },
  code: { header: '商家编码' },
  outerId: { header: '外部系统编号' },
  properties: { header: '商品属性' },
  refundStatus: { header: '退款状态' },
  refundAmount: { header: '退款金额' },
} satisfies CsvColumns<string>;

export type OrderColumn = keyof typeof ORDER_REPORT_COLUMNS;
export type ItemColumn = keyof typeof ITEM_REPORT_COLUMNS;

/** The item report has the order number under one of two names, and the code under one of two. */
export const ITEM_COLUMN_GROUPS: readonly (readonly ItemColumn[])[] = [['mainOrderNo', 'orderNo'], ['code', 'outerId']];

const headersOf = <K extends string>(columns: CsvColumns<K>) => Object.fromEntries(Object.entries<{ header: string }>(columns).map(([key, c]) => [key, c.header])) as Record<K, string>;
/** Each column's header by key, which names it in refusals. */
export const ORDER_COLUMNS = headersOf(ORDER_REPORT_COLUMNS);
export const ITEM_COLUMNS = headersOf(ITEM_REPORT_COLUMNS);

// Headers only one of the two reports has, to tell them apart whichever order they come in; a
// column counts under any of its declared names.
const ORDER_MARKS: readonly OrderColumn[] = ['buyerNick', 'receiverName', 'receiverAddress', 'goodsTotal', 'paidAmount', 'paidAt', 'mobile'];
const ITEM_MARKS: readonly ItemColumn[] = ['quantity', 'code', 'outerId', 'properties', 'title', 'subOrderNo', 'mainOrderNo'];

export type ReportKind = 'orders' | 'items';

const namesOf = (column: { header: string; also?: readonly (string | RegExp)[] }) => [column.header, ...(column.also ?? [])].filter((n): n is string => typeof n === 'string');
const hasColumn = (names: ReadonlySet<string>, column: { header: string; also?: readonly (string | RegExp)[] }) => namesOf(column).some((n) => names.has(csvHeaderName(n)));

/**
 * Which report a header row belongs to, or undefined when it looks like neither (a header of
 * another system's own names: the import tells it by the other file of the pair).
 */
export function reportKind(header: readonly string[]): ReportKind | undefined {
  const names = new Set(header.map(csvHeaderName));
  const orderMarks = ORDER_MARKS.filter((m) => hasColumn(names, ORDER_REPORT_COLUMNS[m])).length;
  const itemMarks = ITEM_MARKS.filter((m) => hasColumn(names, ITEM_REPORT_COLUMNS[m])).length;
  if (hasColumn(names, ORDER_REPORT_COLUMNS.orderNo) && orderMarks >= 2 && orderMarks > itemMarks) return 'orders';
  if ((hasColumn(names, ITEM_REPORT_COLUMNS.orderNo) || hasColumn(names, ITEM_REPORT_COLUMNS.mainOrderNo)) && hasColumn(names, ITEM_REPORT_COLUMNS.quantity) && itemMarks >= 2) return 'items';
  return undefined;
}
