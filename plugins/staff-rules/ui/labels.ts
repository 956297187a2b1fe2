import type { LocalizedText } from '@workbench/ui';
import type { Department } from '../server/model.js';

/** Department names as the shop says them. */
export const DEPARTMENT_NAMES: Record<Department, LocalizedText> = {
  'cs-presale': { 'zh-CN': '客服售前', en: 'CS pre-sale' },
  'cs-aftersale': { 'zh-CN': '客服售后', en: 'CS after-sale' },
  warehouse: { 'zh-CN': '仓库', en: 'Warehouse' },
  operations: { 'zh-CN': '运营', en: 'Operations' },
  design: { 'zh-CN': '美工', en: 'Design' },
  purchasing: { 'zh-CN': '采购', en: 'Purchasing' },
  finance: { 'zh-CN': '财务', en: 'Finance' },
};
