import { css, html, nothing, type TemplateResult } from 'lit';
import { styleMap, WbElement } from '@workbench/ui';
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

/** The peak-day order of work (README, *Order states*); 1 is done first. */
export const PRIORITY_NAMES: Record<1 | 2 | 3 | 4, Bilingual> = {
  1: { 'zh-CN': '任务单', en: 'Task order' },
  2: { 'zh-CN': '加急／顺丰', en: 'Urgent / SF' },
  3: { 'zh-CN': '有留言或备注', en: 'Message or remark' },
  4: { 'zh-CN': '普通', en: 'Regular' },
};

/** Why an order is 异常, in a few words for chips and filters; the order's `exceptions` carry the full message. */
export const EXCEPTION_NAMES: Record<ExceptionCode, Bilingual> = {
  'unknown-sku': { 'zh-CN': '商家编码不存在', en: 'Unknown SKU code' },
  'unmapped-item': { 'zh-CN': '宝贝未对应 SKU', en: 'Item not matched to a SKU' },
  'incomplete-address': { 'zh-CN': '地址或电话不全', en: 'Address or phone incomplete' },
  'needs-person': { 'zh-CN': '留言需人工处理', en: 'Message needs a person' },
  'out-of-stock': { 'zh-CN': '库存不足', en: 'Out of stock' },
  'courier-unreachable': { 'zh-CN': '快递不到', en: 'No courier reaches it' },
  'possible-merge': { 'zh-CN': '可合并订单', en: 'Possible merge' },
  unpaid: { 'zh-CN': '未付款', en: 'Unpaid' },
  'payment-mismatch': { 'zh-CN': '实付不符', en: 'Amount paid differs' },
  'platform-closed': { 'zh-CN': '平台已关闭', en: 'Closed on the platform' },
  refunding: { 'zh-CN': '退款中', en: 'Refund in progress' },
  'awaiting-refund': { 'zh-CN': '待退款', en: 'Awaiting refund' },
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

// The helpers carry their look inline (styleMap, allowed by the CSP), so a badge looks the same
// inside another element's shadow root too — a wb-data-table cell renders in the table's own.
type Look = Record<string, string>;
const BADGE: Look = { display: 'inline-block', padding: '0 6px', borderRadius: '8px', fontSize: '12px', lineHeight: '18px', whiteSpace: 'nowrap' };
const TONES: Record<'plain' | 'pass' | 'fail' | 'warn' | 'done' | 'platform', Look> = {
  plain: { background: 'var(--wb-border-soft, #ececec)', color: 'var(--wb-fg, #1f1f1f)' },
  pass: { background: 'var(--wb-success-bg, #e2f4e3)', color: 'var(--wb-success, #2e7d32)' },
  fail: { background: 'var(--wb-danger-bg, #fde7e5)', color: 'var(--wb-danger, #b3261e)' },
  warn: { background: 'transparent', color: 'var(--wb-warning, #9a5b00)', boxShadow: 'inset 0 0 0 1px var(--wb-warning, #9a5b00)' },
  done: { background: 'var(--wb-selected, #dbeafe)', color: 'var(--wb-fg, #1f1f1f)' },
  platform: { background: 'transparent', color: 'var(--wb-muted, #616161)', boxShadow: 'inset 0 0 0 1px var(--wb-border, #d4d4d4)' },
};
const PRIORITY: Look = { display: 'inline-block', minWidth: '16px', padding: '0 4px', borderRadius: '3px', fontSize: '11px', lineHeight: '16px', textAlign: 'center', fontWeight: '600' };
const PRIORITY_TONES: Record<number, Look> = {
  1: { color: 'var(--wb-accent-fg, #fff)', background: 'var(--wb-accent, #0a64c8)' },
  2: { color: 'var(--wb-accent-fg, #fff)', background: 'var(--wb-accent, #0a64c8)' },
  3: { color: 'var(--wb-fg, #1f1f1f)', boxShadow: 'inset 0 0 0 1px var(--wb-accent, #0a64c8)' },
};
const PRIORITY_PLAIN: Look = { color: 'var(--wb-muted, #616161)', boxShadow: 'inset 0 0 0 1px var(--wb-border, #d4d4d4)' };

/** A badge's look by tone, for panels that show their own words in the same badge shape. */
export function badgeLook(tone: keyof typeof TONES): Look {
  return { ...BADGE, ...TONES[tone] };
}

/**
 * Kept for panels that style the helpers' classes themselves (`.wb-ful-badge`, `.wb-ful-flag`,
 * `.wb-ful-priority`); the helpers no longer need it.
 */
export const labelStyles = css`
  .wb-ful-flag { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; white-space: nowrap; }
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
  const tone = STATUS_TONE[status] ?? 'plain';
  return html`<span class="wb-ful-badge status ${tone}" data-status=${status} style=${styleMap(badgeLook(tone))}>${pick(statusName(status))}</span>`;
}

/** The platform's state (买家已付款, 退款中 …) as an outlined badge, so it is not taken for the shop's. */
export function platformBadge(status: PlatformStatus, pick: NamePicker): TemplateResult {
  return html`<span class="wb-ful-badge platform" data-platform-status=${status} style=${styleMap(badgeLook('platform'))}>${pick(platformStatusName(status))}</span>`;
}

/** The seller flag as a coloured square with its name; nothing for 0 unless `showNone`. */
export function flagChip(flag: FlagColour, pick: NamePicker, options: { showNone?: boolean; nameless?: boolean } = {}): TemplateResult | typeof nothing {
  if (flag === 0 && !options.showNone) return nothing;
  const name = pick(flagName(flag));
  const swatch = { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', flex: 'none', ...(flag === 0 ? { boxShadow: 'inset 0 0 0 1px var(--wb-border, #d4d4d4)' } : { background: FLAG_COLOURS[flag] }) };
  const chip = { display: 'inline-flex', alignItems: 'center', gap: '4px', fontSize: '12px', whiteSpace: 'nowrap' };
  return html`<span class="wb-ful-flag" data-flag=${flag} title=${name} style=${styleMap(chip)}><span class="swatch" style=${styleMap(swatch)}></span>${options.nameless ? nothing : name}</span>`;
}

/** The priority as a small numbered badge; its name is the tooltip and the accessible label. */
export function priorityBadge(priority: number, pick: NamePicker): TemplateResult {
  const name = pick(priorityName(priority));
  const look = { ...PRIORITY, ...(PRIORITY_TONES[priority] ?? PRIORITY_PLAIN) };
  return html`<span class="wb-ful-priority p${priority}" data-priority=${priority} title=${name} aria-label=${name} style=${styleMap(look)}>${priority}</span>`;
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
