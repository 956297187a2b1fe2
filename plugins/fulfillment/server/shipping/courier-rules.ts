import { courierNameOf, type CourierSetting, type FulfillmentSettings } from '../settings.js';
import { readCourierRequest, type CourierMention } from './courier-request.js';

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
 * 选快递: the courier asked for — set on the order (the remark's courier, an edit), else what the
 * remark, message or shipping method asks for, read with its negation (readCourierRequest) — when
 * it reaches the region; else the default courier; else the fallback for regions the default does
 * not reach. A courier the buyer turned down (不要发申通) is passed over like one that does not
 * reach. `none` when nothing is left. The reason quotes the words that decided.
 */
export function chooseCourier(settings: FulfillmentSettings, order: CourierInput): CourierChoice {
  const request = readCourierRequest(settings, order);
  const quote = (m: CourierMention) => ({ zh: `（“${m.words}”）`, en: ` (“${m.words}”)` });
  // Each language names the couriers in its own words: 顺丰 / SF Express.
  const en = (c: CourierSetting) => courierNameOf(c).en;
  const notes: { zh: string; en: string }[] = [];
  for (const m of request.refused) {
    const courier = courierByCode(settings, m.code);
    notes.push({ zh: `买家不要${courier?.name ?? m.code}${quote(m).zh}，`, en: `the buyer does not want ${courier ? en(courier) : m.code}${quote(m).en}; ` });
  }
  const refused = new Set(request.refused.map((m) => m.code));
  const setOnOrder = courierByCode(settings, order.courierRequested);
  const requested = setOnOrder ?? courierByCode(settings, request.wanted?.code);
  const why = setOnOrder || !request.wanted ? { zh: '', en: '' } : quote(request.wanted);
  if (requested && reaches(requested, order.receiverRegion)) {
    const by = setOnOrder ? { zh: '订单指定', en: 'The order asks for' } : { zh: '买家指定', en: 'Buyer asked for' };
    return { courier: requested, rule: 'requested', reason: { 'zh-CN': `${by.zh}${requested.name}${why.zh}`, en: `${by.en} ${en(requested)}${why.en}` } };
  }
  if (requested) notes.push({ zh: `${requested.name}${why.zh}不到${order.receiverRegion}，`, en: `${en(requested)}${why.en} does not reach ${order.receiverRegion}; ` });
  const note = { zh: notes.map((n) => n.zh).join(''), en: notes.map((n) => n.en).join('') };
  const usable = (c: CourierSetting | undefined) => c !== undefined && !refused.has(c.code) && reaches(c, order.receiverRegion);
  const preferred = courierByCode(settings, settings.shipping.defaultCourier);
  if (preferred && usable(preferred)) {
    return { courier: preferred, rule: 'default', reason: { 'zh-CN': `${note.zh}默认${preferred.name}`, en: `${note.en}default courier ${en(preferred)}` } };
  }
  const fallback = courierByCode(settings, settings.shipping.fallbackCourier);
  const missed = preferred && refused.has(preferred.code) ? { zh: '', en: '' } : { zh: `${preferred?.name ?? '默认快递'}不到${order.receiverRegion}，`, en: `${preferred ? en(preferred) : 'The default courier'} does not reach ${order.receiverRegion}; ` };
  if (fallback && usable(fallback)) {
    return { courier: fallback, rule: 'fallback', reason: { 'zh-CN': `${note.zh}${missed.zh}改发${fallback.name}`, en: `${note.en}${missed.en}${en(fallback)} instead` } };
  }
  if (request.refused.length) {
    return { courier: undefined, rule: 'none', reason: { 'zh-CN': `${note.zh}默认和备用快递都用不上`, en: `${note.en}neither the default nor the fallback courier can take it` } };
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
