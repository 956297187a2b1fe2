import { css, html, nothing, type TemplateResult } from 'lit';
import { styleMap } from '@workbench/ui';
import {
  FLAG_COLOURS,
  FLAG_NAMES,
  ORDER_STATUS_NAMES,
  ORDER_STATUSES,
  PLATFORM_STATUS_NAMES,
  PLATFORM_STATUSES,
  type Bilingual,
  type ExceptionCode,
  type FlagColour,
  type OrderStatus,
  type PlatformStatus,
} from '../shared/state-names.js';

// Badges and names every fulfillment panel shows the same way: an order's state, the platform's
// state, the seller flag, the peak-day priority and the exception codes. Each helper takes the
// panel's `name` picker (FulfillmentElement.name), so the language follows the user.

/** Picks one language of a name: pass `this.name` bound, or `(n) => n['zh-CN']`. */
export type NamePicker = (text: Bilingual) => string;

/** The peak-day order of work (DOMAIN.md §3); 1 is done first. */
export const PRIORITY_NAMES: Record<1 | 2 | 3 | 4, Bilingual> = {
  1: { 'zh-CN': '任务单', en: 'Task order' },
  2: { 'zh-CN': '加急／顺丰', en: 'Urgent / SF' },
  3: { 'zh-CN': '有留言或备注', en: 'Message or remark' },
  4: { 'zh-CN': '普通', en: 'Regular' },
};

/** Why an order is 异常, in a few words for chips and filters; the order's `exceptions` carry the full message. */
export const EXCEPTION_NAMES: Record<ExceptionCode, Bilingual> = {
  'unknown-sku': { 'zh-CN': '商家编码不存在', en: 'Unknown SKU code' },
  'incomplete-address': { 'zh-CN': '地址或电话不全', en: 'Address or phone incomplete' },
  'needs-person': { 'zh-CN': '留言需人工处理', en: 'Message needs a person' },
  'out-of-stock': { 'zh-CN': '库存不足', en: 'Out of stock' },
  'courier-unreachable': { 'zh-CN': '快递不到', en: 'No courier reaches it' },
  'possible-merge': { 'zh-CN': '可合并订单', en: 'Possible merge' },
  unpaid: { 'zh-CN': '未付款', en: 'Unpaid' },
  'platform-closed': { 'zh-CN': '平台已关闭', en: 'Closed on the platform' },
  refunding: { 'zh-CN': '退款中', en: 'Refund in progress' },
  manual: { 'zh-CN': '人工标记', en: 'Marked by hand' },
};
export const EXCEPTION_CODES = Object.keys(EXCEPTION_NAMES) as ExceptionCode[];

/** The state's tone: which kit colour its badge takes. */
const STATUS_TONE: Record<OrderStatus, 'plain' | 'pass' | 'fail' | 'warn' | 'done'> = {
  pending: 'warn',
  exception: 'fail',
  fraud: 'fail',
  approved: 'pass',
  picked: 'pass',
  verified: 'pass',
  shipped: 'done',
  closed: 'plain',
};

/** Styles for the helpers below; add to the panel's `static styles`. */
export const labelStyles = css`
  .wb-ful-badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; line-height: 18px; white-space: nowrap; background: var(--wb-border-soft, #ececec); color: var(--wb-fg, #1f1f1f); }
  .wb-ful-badge.pass { background: var(--wb-success-bg, #e2f4e3); color: var(--wb-success, #2e7d32); }
  .wb-ful-badge.fail { background: var(--wb-danger-bg, #fde7e5); color: var(--wb-danger, #b3261e); }
  .wb-ful-badge.warn { background: transparent; color: var(--wb-warning, #9a5b00); box-shadow: inset 0 0 0 1px var(--wb-warning, #9a5b00); }
  .wb-ful-badge.done { background: var(--wb-selected, #dbeafe); }
  .wb-ful-badge.platform { background: transparent; color: var(--wb-muted, #616161); box-shadow: inset 0 0 0 1px var(--wb-border, #d4d4d4); }
  .wb-ful-flag { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; white-space: nowrap; }
  .wb-ful-flag .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
  .wb-ful-priority { display: inline-block; min-width: 16px; padding: 0 4px; border-radius: 3px; font-size: 11px; line-height: 16px; text-align: center; font-weight: 600; box-shadow: inset 0 0 0 1px var(--wb-border, #d4d4d4); color: var(--wb-muted, #616161); }
  .wb-ful-priority.p1, .wb-ful-priority.p2 { color: var(--wb-accent-fg, #fff); background: var(--wb-accent, #0a64c8); box-shadow: none; }
  .wb-ful-priority.p3 { color: var(--wb-fg, #1f1f1f); box-shadow: inset 0 0 0 1px var(--wb-accent, #0a64c8); }
`;

export function statusName(status: OrderStatus): Bilingual {
  return ORDER_STATUS_NAMES[status] ?? { 'zh-CN': status, en: status };
}

export function platformStatusName(status: PlatformStatus): Bilingual {
  return PLATFORM_STATUS_NAMES[status] ?? { 'zh-CN': status, en: status };
}

export function priorityName(priority: number): Bilingual {
  return PRIORITY_NAMES[priority as 1 | 2 | 3 | 4] ?? { 'zh-CN': `第 ${priority} 级`, en: `Level ${priority}` };
}

export function flagName(flag: FlagColour): Bilingual {
  return flag === 0 ? { 'zh-CN': '无旗', en: 'No flag' } : FLAG_NAMES[flag];
}

export function exceptionName(code: ExceptionCode): Bilingual {
  return EXCEPTION_NAMES[code] ?? { 'zh-CN': code, en: code };
}

/** The shop state as a coloured badge. */
export function statusBadge(status: OrderStatus, pick: NamePicker): TemplateResult {
  return html`<span class="wb-ful-badge status ${STATUS_TONE[status] ?? 'plain'}" data-status=${status}>${pick(statusName(status))}</span>`;
}

/** The platform's state (买家已付款, 退款中 …) as an outlined badge, so it is not taken for the shop's. */
export function platformBadge(status: PlatformStatus, pick: NamePicker): TemplateResult {
  return html`<span class="wb-ful-badge platform" data-platform-status=${status}>${pick(platformStatusName(status))}</span>`;
}

/** The seller flag as a coloured square with its name; nothing for 0 unless `showNone`. */
export function flagChip(flag: FlagColour, pick: NamePicker, options: { showNone?: boolean; nameless?: boolean } = {}): TemplateResult | typeof nothing {
  if (flag === 0 && !options.showNone) return nothing;
  const name = pick(flagName(flag));
  const swatch = flag === 0 ? { boxShadow: 'inset 0 0 0 1px var(--wb-border, #d4d4d4)' } : { background: FLAG_COLOURS[flag] };
  return html`<span class="wb-ful-flag" data-flag=${flag} title=${name}><span class="swatch" style=${styleMap(swatch)}></span>${options.nameless ? nothing : name}</span>`;
}

/** The priority as a small numbered badge; its name is the tooltip and the accessible label. */
export function priorityBadge(priority: number, pick: NamePicker): TemplateResult {
  const name = pick(priorityName(priority));
  return html`<span class="wb-ful-priority p${priority}" data-priority=${priority} title=${name} aria-label=${name}>${priority}</span>`;
}

/** Options for a select or a data-table filter. */
export function statusOptions(): { value: OrderStatus; label: Bilingual }[] {
  return ORDER_STATUSES.map((value) => ({ value, label: statusName(value) }));
}
export function platformStatusOptions(): { value: PlatformStatus; label: Bilingual }[] {
  return PLATFORM_STATUSES.map((value) => ({ value, label: platformStatusName(value) }));
}
export function flagOptions(withNone = true): { value: string; label: Bilingual }[] {
  const flags: FlagColour[] = withNone ? [0, 1, 2, 3, 4, 5] : [1, 2, 3, 4, 5];
  return flags.map((f) => ({ value: String(f), label: flagName(f) }));
}
export function exceptionOptions(): { value: ExceptionCode; label: Bilingual }[] {
  return EXCEPTION_CODES.map((value) => ({ value, label: exceptionName(value) }));
}
