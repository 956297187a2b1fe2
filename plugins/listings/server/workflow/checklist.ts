import { titleFits, titleLength } from '../../shared/title-length.js';
import type { ProductDetail } from '../catalog/product-store.js';
import type { ChecklistSettings } from '../settings.js';
import { disallowedPromotionWords } from './promotion-words.js';
import type { BilingualText } from './states.js';

export type ChecklistRuleId = 'detail-images' | 'main-image' | 'title-length' | 'required-attributes' | 'forbidden-words' | 'promotion-words' | 'watermark' | 'sku-price';

export interface ChecklistRuleResult {
  id: ChecklistRuleId;
  title: BilingualText;
  passed: boolean;
  /** What was found: on a failure, what to fix. */
  detail: BilingualText;
}

export interface ChecklistResult {
  rules: ChecklistRuleResult[];
  passed: boolean;
}

/** The rules in the order the checklist shows them. */
export const CHECKLIST_RULE_TITLES: Record<ChecklistRuleId, BilingualText> = {
  'detail-images': { 'zh-CN': '详情图数量', en: 'Detail images' },
  'main-image': { 'zh-CN': '主图宽度', en: 'Main image width' },
  'title-length': { 'zh-CN': '标题长度', en: 'Title length' },
  'required-attributes': { 'zh-CN': '必填属性', en: 'Required attributes' },
  'forbidden-words': { 'zh-CN': '标题禁用词', en: 'Words not allowed in the title' },
  'promotion-words': { 'zh-CN': '标题促销词', en: 'Promotion words in the title' },
  watermark: { 'zh-CN': '店铺水印', en: 'Shop watermark' },
  'sku-price': { 'zh-CN': 'SKU 定价', en: 'SKU prices' },
};

type Check = (product: ProductDetail, settings: ChecklistSettings) => { passed: boolean; detail: BilingualText };

const list = (items: string[]) => items.join('、');
const listEn = (items: string[]) => items.join(', ');

const CHECKS: Record<ChecklistRuleId, Check> = {
  'detail-images': (p, s) => {
    const count = p.images.filter((i) => i.kind === 'detail').length;
    return count >= s.minDetailImages
      ? { passed: true, detail: { 'zh-CN': `详情图 ${count} 张`, en: `${count} detail images` } }
      : { passed: false, detail: { 'zh-CN': `详情图 ${count} 张，至少要 ${s.minDetailImages} 张`, en: `${count} detail images; at least ${s.minDetailImages} are needed` } };
  },
  'main-image': (p, s) => {
    const mains = p.images.filter((i) => i.kind === 'main');
    if (mains.length === 0) return { passed: false, detail: { 'zh-CN': '还没有主图', en: 'There is no main image yet' } };
    const widths = mains.map((i) => i.width).filter((w): w is number => typeof w === 'number');
    if (widths.length === 0) {
      return { passed: false, detail: { 'zh-CN': `主图没有标明宽度，无法确认是否有 ${s.mainImageWidth} 像素宽`, en: `The main image has no width recorded, so ${s.mainImageWidth} px cannot be confirmed` } };
    }
    const widest = Math.max(...widths);
    return widest >= s.mainImageWidth
      ? { passed: true, detail: { 'zh-CN': `主图宽 ${widest} 像素`, en: `The main image is ${widest} px wide` } }
      : { passed: false, detail: { 'zh-CN': `主图只有 ${widest} 像素宽，至少要 ${s.mainImageWidth} 像素`, en: `The main image is only ${widest} px wide; at least ${s.mainImageWidth} px are needed` } };
  },
  'title-length': (p, s) => {
    const length = titleLength(p.title);
    return titleFits(p.title, s.titleMaxChars)
      ? { passed: true, detail: { 'zh-CN': `标题 ${length} 个字，最多 ${s.titleMaxChars} 个`, en: `The title counts ${length} of at most ${s.titleMaxChars} characters` } }
      : {
          passed: false,
          detail: {
            'zh-CN': `标题 ${length} 个字，最多 ${s.titleMaxChars} 个（两个字母或数字算一个字），请删减`,
            en: `The title counts ${length} characters, more than ${s.titleMaxChars} (two Latin letters or digits count as one); shorten it`,
          },
        };
  },
  'required-attributes': (p, s) => {
    const filled = (attrs: Record<string, string>, name: string) => typeof attrs[name] === 'string' && attrs[name]!.trim() !== '';
    const missing: { name: string; skusWithout: number }[] = [];
    for (const name of s.requiredAttributes) {
      if (filled(p.attributes, name)) continue;
      const without = p.skus.filter((sku) => !filled(sku.attributes, name)).length;
      // Filled on every SKU counts, but only when there are SKUs to carry it.
      if (p.skus.length > 0 && without === 0) continue;
      missing.push({ name, skusWithout: without });
    }
    if (missing.length === 0) {
      return { passed: true, detail: { 'zh-CN': `${list(s.requiredAttributes) || '没有必填属性'}都已填写`, en: `All required attributes are filled in` } };
    }
    const zh = missing.map((m) => (m.skusWithout > 0 && m.skusWithout < p.skus.length ? `${m.name}（${m.skusWithout} 个 SKU 没填）` : m.name));
    const en = missing.map((m) => (m.skusWithout > 0 && m.skusWithout < p.skus.length ? `${m.name} (missing on ${m.skusWithout} SKUs)` : m.name));
    return { passed: false, detail: { 'zh-CN': `缺少属性：${list(zh)}`, en: `Missing attributes: ${listEn(en)}` } };
  },
  'forbidden-words': (p, s) => {
    const found = s.forbiddenWords.filter((w) => p.title.includes(w));
    return found.length === 0
      ? { passed: true, detail: { 'zh-CN': '标题没有禁用词', en: 'The title has no forbidden words' } }
      : { passed: false, detail: { 'zh-CN': `标题里有禁用词：${list(found)}`, en: `The title uses words that are not allowed: ${listEn(found)}` } };
  },
  'promotion-words': (p, s) => {
    const found = disallowedPromotionWords(p.title, s.allowedPromotionWords);
    const allowed = list(s.allowedPromotionWords) || '无';
    return found.length === 0
      ? { passed: true, detail: { 'zh-CN': '标题里的促销词都在允许范围内', en: 'Every promotion word in the title is allowed' } }
      : {
          passed: false,
          detail: {
            'zh-CN': `标题里的促销词「${found.join('」「')}」不在允许范围内（允许的有：${allowed}）`,
            en: `Promotion words not allowed in the title: ${listEn(found)} (allowed: ${listEn(s.allowedPromotionWords) || 'none'})`,
          },
        };
  },
  watermark: (p) => {
    if (p.images.length === 0) return { passed: false, detail: { 'zh-CN': '还没有图片，无法确认店铺水印', en: 'There are no images yet to carry the watermark' } };
    const unmarked = p.images.flatMap((img, i) => (img.watermark === true ? [] : [i + 1]));
    return unmarked.length === 0
      ? { passed: true, detail: { 'zh-CN': `${p.images.length} 张图片都有店铺水印`, en: `All ${p.images.length} images carry the shop watermark` } }
      : {
          passed: false,
          detail: {
            'zh-CN': `有 ${unmarked.length} 张图片没有店铺水印（第 ${unmarked.join('、')} 张）`,
            en: `${unmarked.length} images lack the shop watermark (number ${unmarked.join(', ')})`,
          },
        };
  },
  'sku-price': (p) => {
    if (p.skus.length === 0) return { passed: false, detail: { 'zh-CN': '还没有 SKU', en: 'There are no SKUs yet' } };
    const priced = p.skus.filter((sku) => sku.price > 0).length;
    return priced > 0
      ? { passed: true, detail: { 'zh-CN': `${priced} 个 SKU 已定价`, en: `${priced} SKUs have a price` } }
      : { passed: false, detail: { 'zh-CN': `${p.skus.length} 个 SKU 都还没有定价`, en: `None of the ${p.skus.length} SKUs has a price` } };
  },
};

/** Runs every quality rule against the product as it is now. */
export function runChecklist(product: ProductDetail, settings: ChecklistSettings): ChecklistResult {
  const rules = (Object.keys(CHECKLIST_RULE_TITLES) as ChecklistRuleId[]).map((id) => ({ id, title: CHECKLIST_RULE_TITLES[id], ...CHECKS[id](product, settings) }));
  return { rules, passed: rules.every((r) => r.passed) };
}
