// The pure parts of review: each rule on rows no API call can make (an item the importer could not
// match, a stub SKU, the platform's closed and refunding trades), phone and address shapes, stock
// counted through a batch, the rules a person may overrule, the remark format and the merge key.
import { describe, expect, test } from 'vitest';
import schema from '../schemas/settings.schema.json';
import type { FulfillmentSettings } from '../server/settings.js';
import { mergeKeyOf } from '../server/orders/merge-key.js';
import type { ItemRow, OrderRow } from '../server/orders/order-record.js';
import { parseRemark } from '../server/orders/remark-format.js';
import { factsOf, takeStock, type BatchFacts } from '../server/orders/review-facts.js';
import { blocking, completeAddress, reviewFindings, validPhone, type ReviewFacts } from '../server/orders/review-rules.js';

type Props = Record<string, { default?: unknown; properties?: Props }>;
function defaults(): FulfillmentSettings {
  const fill = (p: Props): Record<string, unknown> => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.properties ? fill(v.properties) : v.default]));
  return fill(schema.properties as unknown as Props) as unknown as FulfillmentSettings;
}
const settings = defaults();

const row = (over: Partial<OrderRow> = {}): OrderRow =>
  ({
    id: 1, order_no: 'M202611230001', status: 'pending', platform_status: 'paid', receiver_name: '林小鱼', receiver_phone: '13812341234',
    receiver_address: '浙江省杭州市西湖区文三路 100 号', receiver_region: '浙江', buyer_message: '', seller_remark: '', shipping_method: '',
    courier_requested: null, merge_key: 'k', source: 'import', total: 9900, paid_amount: 9900, refund_amount: 0, ...over,
  }) as OrderRow;
const item = (over: Partial<ItemRow> = {}): ItemRow => ({ id: 1, order_id: 1, line_key: '1', sku_id: 7, sku_code: 'A-1', title: '卫衣', properties: '', quantity: 1, price: 9900, refund_status: null, refund_state: 'none', refund_amount: 0, ...over });
const facts = (over: Partial<ReviewFacts> = {}): ReviewFacts => ({
  order: row(),
  items: [item()],
  hasRemarks: false,
  free: new Map([[7, 5]]),
  mergeWith: [],
  catalog: new Map([['A-1', { id: 7, needsCompleting: false }]]),
  ...over,
});
const rule = (f: ReviewFacts, id: string) => reviewFindings(settings, f).find((x) => x.rule === id)!;

describe('review rules', () => {
  test('a clean order passes every rule', () => {
    expect(reviewFindings(settings, facts()).every((f) => f.ok)).toBe(true);
  });

  test('unknown SKUs: a line the importer could not match, a stub still to complete, a code gone from the catalog, no lines at all', () => {
    expect(rule(facts({ items: [item({ sku_id: null, sku_code: 'X-9' })] }), 'known-skus')).toMatchObject({ ok: false, code: 'unknown-sku', message: { 'zh-CN': expect.stringContaining('X-9') } });
    expect(rule(facts({ catalog: new Map([['A-1', { id: 7, needsCompleting: true }]]) }), 'known-skus').ok).toBe(false);
    expect(rule(facts({ catalog: new Map() }), 'known-skus').ok).toBe(false);
    expect(rule(facts({ items: [] }), 'known-skus').message['zh-CN']).toMatch(/没有商品明细/);
  });

  test("the platform's closed and refunding trades never pass", () => {
    expect(rule(facts({ order: row({ platform_status: 'closed' }) }), 'platform-state')).toMatchObject({ ok: false, code: 'platform-closed' });
    expect(rule(facts({ order: row({ platform_status: 'refunding' }) }), 'platform-state')).toMatchObject({ ok: false, code: 'refunding' });
  });

  test('phones: 11-digit mobiles (with or without +86) and landlines with an area code', () => {
    for (const ok of ['13812341234', '+8613812341234', '138 1234 1234', '0571-88881234', '010-12345678-123', '02188881234']) expect(validPhone(ok), ok).toBe(true);
    for (const bad of ['1381234123', '23812341234', '88881234', '12345', '']) expect(validPhone(bad), bad).toBe(false);
  });

  test('addresses: a province and a street-level part', () => {
    expect(completeAddress('上海市浦东新区世纪大道 100 号')).toBe(true);
    expect(completeAddress('内蒙古自治区呼和浩特市新城区新华大街 5 号')).toBe(true);
    expect(completeAddress('浙江省杭州市')).toBe(false);
    expect(completeAddress('文三路 100 号')).toBe(false);
  });

  test('a remark, a seller remark or a message needs a person; a person may overrule that and the merge rule, nothing else', () => {
    const f = facts({ hasRemarks: true, mergeWith: ['M202611230002'], free: new Map([[7, 0]]) });
    const findings = reviewFindings(settings, f);
    expect(blocking(findings, 'auto').map((x) => x.code)).toEqual(['needs-person', 'out-of-stock', 'possible-merge']);
    expect(blocking(findings, 'person').map((x) => x.code)).toEqual(['out-of-stock']);
    expect(rule(facts({ order: row({ seller_remark: '送小样' }) }), 'needs-person').ok).toBe(false);
  });

  test('the amount paid must equal the total after price changes; a refund settles a difference of exactly its amount', () => {
    expect(rule(facts(), 'paid-amount')).toMatchObject({ ok: true });
    // The price was lowered by 10 元 after payment: the shop owes the buyer a refund.
    expect(rule(facts({ order: row({ total: 8900 }) }), 'paid-amount')).toMatchObject({ ok: false, code: 'payment-mismatch', message: { 'zh-CN': expect.stringMatching(/买家实付 99\.00 元，改价后应付 89\.00 元，多付 10\.00 元/) } });
    // …and refunded: the report shows the payment before the refund, or after it.
    expect(rule(facts({ order: row({ total: 8900, refund_amount: 1000 }) }), 'paid-amount')).toMatchObject({ ok: true, message: { 'zh-CN': expect.stringMatching(/已退款/) } });
    expect(rule(facts({ order: row({ total: 29700, paid_amount: 19800, refund_amount: 9900 }) }), 'paid-amount').ok).toBe(true);
    // A refund of another figure settles nothing; the shipping fee counts like the goods.
    expect(rule(facts({ order: row({ total: 10700, paid_amount: 9900, refund_amount: 500 }) }), 'paid-amount')).toMatchObject({ ok: false, message: { 'zh-CN': expect.stringMatching(/已退款 5\.00 元，少付 8\.00 元/) } });
    // An order entered by hand: what the clerk recorded; an unpaid one is left to the unpaid rule.
    expect(rule(facts({ order: row({ source: 'manual', paid_amount: 9000 }) }), 'paid-amount').message['zh-CN']).toMatch(/^记录的实收 90\.00 元/);
    expect(rule(facts({ order: row({ platform_status: 'unpaid', paid_amount: 0 }) }), 'paid-amount').ok).toBe(true);
    // A person who settled the difference may approve by hand; the automatic review may not.
    const findings = reviewFindings(settings, facts({ order: row({ paid_amount: 0 }) }));
    expect(blocking(findings, 'auto').map((x) => x.code)).toEqual(['payment-mismatch']);
    expect(blocking(findings, 'person')).toEqual([]);
  });

  test('a switched-off rule passes and says so', () => {
    const off = { ...settings, review: { ...settings.review, blockUnpaid: false } };
    const finding = reviewFindings(off, facts({ order: row({ platform_status: 'unpaid' }) })).find((x) => x.rule === 'unpaid')!;
    expect(finding).toMatchObject({ ok: true, message: { 'zh-CN': expect.stringMatching(/已在设置里关闭/) } });
  });
});

describe('stock through a batch', () => {
  test('an order counts its own reservation; each approval takes its pieces from the next orders', () => {
    const a = row({ id: 1 });
    const b = row({ id: 2 });
    const batch: BatchFacts = {
      items: new Map([[1, [item({ order_id: 1, quantity: 2 })]], [2, [item({ order_id: 2, quantity: 2 })]]]),
      remarked: new Set(),
      mergeWith: new Map(),
      // Order 1 already holds 1 piece; 2 more are sellable.
      reserved: new Map([[1, new Map([[7, 1]])]]),
      available: new Map([[7, 2]]),
      catalog: new Map([['A-1', { id: 7, productId: 1, code: 'A-1', attributes: {}, price: 9900, barcode: null, weightGrams: null, needsCompleting: false, cost: 5000, lowStockThreshold: null, version: 1, createdAt: '2026-03-02T10:00:00+08:00', updatedAt: '2026-03-02T10:00:00+08:00' }]]),
    };
    expect(factsOf(batch, a).free.get(7)).toBe(3);
    takeStock(batch, a);
    expect(batch.available.get(7)).toBe(1);
    expect(rule(factsOf(batch, b), 'stock')).toMatchObject({ ok: false, message: { 'zh-CN': expect.stringContaining('A-1 要 2 件，可用 1 件') } });
  });
});

describe('remark format and merge key', () => {
  test('parts split on +, ＋ or spaces; the courier by name, name with 快递, or code', () => {
    expect(parseRemark(settings, '12+申通快递+送袜子一双')).toMatchObject({ agentNo: '12', courier: { code: 'STO' }, note: '送袜子一双' });
    expect(parseRemark(settings, ' 3 ＋ yto ＋ 周末 送达 ')).toMatchObject({ agentNo: '3', courier: { code: 'YTO' }, note: '周末 送达' });
    expect(parseRemark({ ...settings, remarks: { ...settings.remarks, agentNoPattern: '([' } }, '12+申通+好')).toMatchObject({ badSetting: true, problem: { 'zh-CN': expect.stringMatching(/工号规则/) } });
  });

  test('the merge key ignores case and whitespace; an order without buyer or receiver has none', () => {
    const a = mergeKeyOf({ buyerNick: 'TB_Fish', receiverName: '林小鱼', receiverPhone: '138 1234 1234', receiverAddress: '浙江省 杭州市 文三路 1 号' });
    expect(mergeKeyOf({ buyerNick: 'tb_fish', receiverName: '林小鱼', receiverPhone: '13812341234', receiverAddress: '浙江省杭州市文三路1号' })).toBe(a);
    expect(mergeKeyOf({ buyerNick: '', receiverName: ' ', receiverPhone: '', receiverAddress: '' })).toBe('');
  });
});
