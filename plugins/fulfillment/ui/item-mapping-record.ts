// What the mapping panels read of the API (README "Platform item mappings").

/** A saved mapping: the platform's item and the SKU it is. */
export interface ItemMapping {
  id: number;
  title: string;
  properties: string;
  skuId: number;
  skuCode: string;
  skuName: string;
  createdByName: string;
  createdAt: string;
}

/** A platform item that lines of waiting orders hold without a SKU. */
export interface WaitingItem {
  title: string;
  properties: string;
  /** '' (no code on the line) or a code listings does not know. */
  code: string;
  orders: number;
  orderNos: string[];
  itemIds: number[];
}

/** `手工羊毛围巾（颜色分类：燕麦色）`, as the clerk recognises the item. */
export const itemName = (i: { title: string; properties: string }) => (i.properties ? `${i.title}（${i.properties}）` : i.title);
