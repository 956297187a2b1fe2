import type { CourierSetting, FulfillmentSettings } from '../settings.js';

/** What the courier choice looks at. */
export interface CourierInput {
  receiverRegion: string;
  buyerMessage: string;
  sellerRemark: string;
  shippingMethod: string;
  /** A courier someone already set on the order (e.g. from the remark or the import). */
  courierRequested?: string | null;
}

export interface CourierChoice {
  courier: CourierSetting | undefined;
  rule: 'requested' | 'default' | 'fallback' | 'none';
  /** Why, in both languages, for the order's history and the review. */
  reason: { 'zh-CN': string; en: string };
}

export function courierByCode(settings: FulfillmentSettings, code: string | null | undefined): CourierSetting | undefined {
  return code ? settings.couriers.find((c) => c.code === code) : undefined;
}

export function reaches(courier: CourierSetting, region: string): boolean {
  return !region || !courier.unreachableRegions.some((r) => region.startsWith(r) || r.startsWith(region));
}

/**
 * 选快递: the courier the buyer asked for (set on the order, or a request word in the message,
 * remark or shipping method), when it reaches the region; else the default courier; else the
 * fallback for regions the default does not reach. `none` when not even the fallback reaches.
 */
export function chooseCourier(settings: FulfillmentSettings, order: CourierInput): CourierChoice {
  const text = `${order.shippingMethod} ${order.buyerMessage} ${order.sellerRemark}`;
  const requestedCode = order.courierRequested ?? Object.entries(settings.shipping.requestWords).find(([word]) => text.includes(word))?.[1];
  const requested = courierByCode(settings, requestedCode);
  if (requested && reaches(requested, order.receiverRegion)) {
    return { courier: requested, rule: 'requested', reason: { 'zh-CN': `买家指定${requested.name}`, en: `Buyer asked for ${requested.name}` } };
  }
  const fallbackNote = requested ? { zh: `${requested.name}不到${order.receiverRegion}，`, en: `${requested.name} does not reach ${order.receiverRegion}; ` } : { zh: '', en: '' };
  const preferred = courierByCode(settings, settings.shipping.defaultCourier);
  if (preferred && reaches(preferred, order.receiverRegion)) {
    return { courier: preferred, rule: 'default', reason: { 'zh-CN': `${fallbackNote.zh}默认${preferred.name}`, en: `${fallbackNote.en}default courier ${preferred.name}` } };
  }
  const fallback = courierByCode(settings, settings.shipping.fallbackCourier);
  if (fallback && reaches(fallback, order.receiverRegion)) {
    return {
      courier: fallback,
      rule: 'fallback',
      reason: { 'zh-CN': `${preferred?.name ?? '默认快递'}不到${order.receiverRegion}，改发${fallback.name}`, en: `${preferred?.name ?? 'The default courier'} does not reach ${order.receiverRegion}; ${fallback.name} instead` },
    };
  }
  return { courier: undefined, rule: 'none', reason: { 'zh-CN': `没有快递能送到${order.receiverRegion}`, en: `No courier reaches ${order.receiverRegion}` } };
}

/** The shop's agreed fee for a parcel: first weight, then each started kilogram. */
export function expectedFee(courier: CourierSetting, weightGrams: number): number {
  const extra = Math.max(0, weightGrams - courier.firstWeightGrams);
  return courier.firstFee + Math.ceil(extra / 1000) * courier.extraFeePerKg;
}

/**
 * The courier a spreadsheet cell names: its code (`STO`, `sto`), its name (`申通`), or a longer
 * trade name that contains it (`申通快递`, `顺丰速运`, `邮政EMS包裹`). The longest name found wins,
 * so a cell naming 邮政EMS is never read as a shorter name inside it.
 */
export function courierFromText(settings: FulfillmentSettings, text: string): CourierSetting | undefined {
  const cell = text.replace(/\s+/g, '');
  if (!cell) return undefined;
  const byCode = settings.couriers.find((c) => c.code === cell.toUpperCase());
  if (byCode) return byCode;
  const byName = settings.couriers.find((c) => c.name === cell);
  if (byName) return byName;
  const inCell = settings.couriers.filter((c) => cell.includes(c.name)).sort((a, b) => b.name.length - a.name.length);
  if (inCell[0]) return inCell[0];
  // A part of one name (`邮政` for 邮政EMS) only counts when no other courier shares it.
  const partOf = settings.couriers.filter((c) => c.name.includes(cell));
  return partOf.length === 1 ? partOf[0] : undefined;
}

/** The courier names of the settings, for a message that lists what can be chosen. */
export function courierNames(settings: FulfillmentSettings): string {
  return settings.couriers.map((c) => `${c.name}（${c.code}）`).join('、');
}

/** Tracking numbers as couriers print them: no stray spaces, letters in capitals. */
export function normaliseTracking(trackingNo: string): string {
  return trackingNo.replace(/\s+/g, '').toUpperCase();
}
