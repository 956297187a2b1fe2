import type { I18n } from '@workbench/ui';
import type { ProductImage } from '../server/types.js';
import type { RevisionDiffEntry } from '../server/revisions/revision-types.js';

type Pick2 = (zh: string, en: string) => string;

const FIELD: Record<RevisionDiffEntry['field'], [string, string]> = {
  title: ['标题', 'Title'],
  description: ['描述', 'Description'],
  images: ['图片', 'Images'],
  attributes: ['属性', 'Attributes'],
  price: ['售价', 'Price'],
  sku: ['SKU', 'SKU'],
};

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
const pairs = (attrs: Record<string, string>) => Object.entries(attrs).map(([k, v]) => `${k}：${v}`).join('；');

/** One side of a change as a line of text: money in 元, images counted, attributes as 名：值. */
function side(entry: RevisionDiffEntry, value: unknown, i18n: I18n, t: Pick2): string {
  if (value === null || value === undefined) return entry.field === 'sku' ? t('（无）', '(none)') : '';
  switch (entry.field) {
    case 'price':
      return i18n.money(value as number);
    case 'images': {
      const images = value as ProductImage[];
      const detail = images.filter((i) => i.kind === 'detail').length;
      return t(`${images.length} 张（详情图 ${detail} 张）`, `${images.length} (${detail} detail)`);
    }
    case 'attributes':
      return pairs(value as Record<string, string>) || t('（无）', '(none)');
    case 'sku': {
      const sku = value as { price: number; attributes: Record<string, string> };
      return [i18n.money(sku.price), pairs(sku.attributes)].filter(Boolean).join(' · ');
    }
    default:
      return short(String(value)) || t('（空）', '(empty)');
  }
}

/** A change as the editor and the review queue show it: what, before, after. */
export function changeText(entry: RevisionDiffEntry, i18n: I18n, t: Pick2): { what: string; before: string; after: string } {
  const [zh, en] = FIELD[entry.field];
  const sku = entry.code ? `SKU ${entry.code} ` : '';
  const what = entry.field === 'sku' ? `${sku}${entry.before === null ? t('新增', 'added') : t('删除', 'removed')}` : `${sku}${t(zh, en)}`;
  return { what, before: side(entry, entry.before, i18n, t), after: side(entry, entry.after, i18n, t) };
}
