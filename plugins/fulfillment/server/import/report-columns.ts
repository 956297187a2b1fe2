// The columns of Taobao's 订单报表 and 宝贝报表 the importer reads, by the names the seller
// centre writes in the header. Every other column is ignored, so a later layout with more columns
// imports the same way.

export const ORDER_COLUMNS = {
  orderNo: '订单编号',
  buyerNick: '买家会员名',
  buyerAccount: '买家支付宝账号',
  goodsTotal: '买家应付货款',
  shippingFee: '买家应付邮费',
  total: '总金额',
  paidAmount: '买家实际支付金额',
  status: '订单状态',
  buyerMessage: '买家留言',
  receiverName: '收货人姓名',
  receiverAddress: '收货地址',
  shippingMethod: '运送方式',
  phone: '联系电话',
  mobile: '联系手机',
  placedAt: '订单创建时间',
  paidAt: '订单付款时间',
  trackingNo: '物流单号',
  courier: '物流公司',
  sellerRemark: '订单备注',
  shopName: '店铺名称',
  closeReason: '订单关闭原因',
  refundAmount: '退款金额',
} as const;

export const ITEM_COLUMNS = {
  orderNo: '订单编号',
  mainOrderNo: '主订单编号',
  subOrderNo: '子订单编号',
  title: '标题',
  price: '价格',
  quantity: '购买数量',
  code: '商家编码',
  outerId: '外部系统编号',
  properties: '商品属性',
  refundStatus: '退款状态',
  refundAmount: '退款金额',
} as const;

export type OrderColumn = keyof typeof ORDER_COLUMNS;
export type ItemColumn = keyof typeof ITEM_COLUMNS;

/** Columns an order report must have (the others may be missing: empty, or 0 for money). */
export const REQUIRED_ORDER_COLUMNS: readonly OrderColumn[] = ['orderNo', 'buyerNick', 'status', 'placedAt', 'receiverName', 'receiverAddress', 'goodsTotal', 'total'];
/** Item report columns that must be there; the order number and the code each have two names. */
export const REQUIRED_ITEM_COLUMNS: readonly ItemColumn[] = ['title', 'price', 'quantity'];

// Headers only one of the two reports has, to tell them apart whichever order they come in.
const ORDER_MARKS = ['买家会员名', '收货人姓名', '收货地址', '买家应付货款', '买家实际支付金额', '订单付款时间', '联系手机'];
const ITEM_MARKS = ['购买数量', '商家编码', '外部系统编号', '商品属性', '标题', '子订单编号', '主订单编号'];

/** A header cell as the importer matches it: without a BOM and the stray spaces some exports add (`收货地址 `). */
export const headerName = (cell: string) => cell.replace(/^\uFEFF/, '').trim();

export type ReportKind = 'orders' | 'items';

/** Which report a header row belongs to, or undefined when it looks like neither. */
export function reportKind(header: readonly string[]): ReportKind | undefined {
  const names = new Set(header.map(headerName));
  const orderMarks = ORDER_MARKS.filter((m) => names.has(m)).length;
  const itemMarks = ITEM_MARKS.filter((m) => names.has(m)).length;
  if (names.has('订单编号') && orderMarks >= 2 && orderMarks > itemMarks) return 'orders';
  if ((names.has('订单编号') || names.has('主订单编号')) && names.has('购买数量') && itemMarks >= 2) return 'items';
  return undefined;
}

/** Where each known column is in the header (the first of a repeated name wins). */
export function columnIndex<K extends string>(header: readonly string[], columns: Readonly<Record<K, string>>): Map<K, number> {
  const byName = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = headerName(cell);
    if (!byName.has(name)) byName.set(name, i);
  });
  const index = new Map<K, number>();
  for (const key of Object.keys(columns) as K[]) {
    const at = byName.get(columns[key]);
    if (at !== undefined) index.set(key, at);
  }
  return index;
}

/**
 * A cell as the shop means it: without Excel's `="…"` wrapper (kept on long numbers so Excel
 * shows every digit), the `'` some exports put before phone numbers for the same reason, and
 * surrounding spaces.
 */
export function unwrapCell(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('="') && trimmed.endsWith('"') && trimmed.length >= 3) return trimmed.slice(2, -1).trim();
  return trimmed.startsWith("'") ? trimmed.slice(1).trim() : trimmed;
}
