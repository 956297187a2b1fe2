import type { CsvColumns } from '@workbench/plugin-api';

/** The columns of the product CSV, by the header a clerk sees in Excel; the export writes them in this order. */
export const CSV_HEADER = ['货号', '标题', '分类', '面料', '描述', '运费模板', '商家编码', '颜色', '尺码', '价格', '成本', '条形码', '重量(克)', '预警线'] as const;

export type CsvColumn = (typeof CSV_HEADER)[number];

/** How the import finds each column: `价格(元)` / `成本(元)` name the money columns too. */
export const CSV_COLUMNS = {
  货号: { header: '货号', required: true },
  标题: { header: '标题' },
  分类: { header: '分类' },
  面料: { header: '面料' },
  描述: { header: '描述' },
  运费模板: { header: '运费模板' },
  商家编码: { header: '商家编码', required: true },
  颜色: { header: '颜色' },
  尺码: { header: '尺码' },
  价格: { header: '价格', also: ['价格(元)'] },
  成本: { header: '成本', also: ['成本(元)'] },
  条形码: { header: '条形码' },
  '重量(克)': { header: '重量(克)' },
  预警线: { header: '预警线' },
} satisfies CsvColumns<CsvColumn>;
