import { decodeCsv, type Actor, type ImportRequest, type LocalizedText, type PluginContext, type SqlValue, type Transaction } from '@workbench/plugin-api';
import { categoryStore } from './category-store.js';
import { nextTurn, readCsvRowsInTurns, ROWS_PER_TURN, type CsvRow, type ProductCells, type Rejection } from './csv-rows.js';
import { productFromRow, type ProductRow, type SkuRow } from './product-store.js';
import { addToRevision, underReview } from '../revisions/product-edit.js';
import type { ReviewedEdit } from '../revisions/revision-changes.js';

/** What the importer answers; reasons are in the importer's locale. */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; column: string; reason: string }[];
}

type Outcome = 'created' | 'updated' | 'unchanged';

const PRODUCT_COLUMNS: [keyof ProductCells, string][] = [
  ['title', '标题'],
  ['category', '分类'],
  ['fabric', '面料'],
  ['description', '描述'],
  ['shippingTemplate', '运费模板'],
];

const localize = (text: LocalizedText, locale: string) => (typeof text === 'string' ? text : (locale === 'en' ? text.en : undefined) ?? text['zh-CN']);
const same = (stored: string | null, cell: string) => (stored ?? '').trim() === cell;

/** Groups rows by 货号, keeping the file's order; appends in place, so one 货号 of many rows stays linear. */
export function groupRows(rows: CsvRow[]): CsvRow[][] {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const group = groups.get(row.itemCode);
    if (group) group.push(row);
    else groups.set(row.itemCode, [row]);
  }
  return [...groups.values()];
}


/** One import run inside one transaction: rows are checked against the file and the shop, then written. */
class CatalogImport {
  readonly rejected: Rejection[] = [];
  readonly outcomes: Outcome[] = [];
  private readonly codesSeen = new Map<string, number>();
  private readonly barcodesSeen = new Map<string, number>();

  constructor(
    private readonly tx: Transaction,
    private readonly now: string,
    private readonly actor: Actor,
    /** Called once per row checked; may pause to let the server answer others. */
    private readonly onRow: () => Promise<void>,
  ) {}

  private refuse(row: CsvRow, column: string, reason: LocalizedText): false {
    this.rejected.push({ row: row.row, column, reason });
    return false;
  }

  /** SKU checks against the rest of the file and the shop's other products. */
  private async skuAcceptable(row: CsvRow, product: ProductRow | undefined): Promise<boolean> {
    const sku = row.sku;
    if (!sku) return true;
    const earlier = this.codesSeen.get(sku.code);
    if (earlier !== undefined) return this.refuse(row, '商家编码', { 'zh-CN': `商家编码“${sku.code}”在第 ${earlier} 行已经出现过`, en: `The outer SKU code “${sku.code}” already appears in row ${earlier}` });
    this.codesSeen.set(sku.code, row.row);
    const existing = await this.tx.get<SkuRow>('SELECT * FROM listings_skus WHERE code = ?', [sku.code]);
    if (existing && existing.product_id !== null && existing.product_id !== product?.id) {
      const holder = await this.tx.get<{ title: string; item_code: string }>('SELECT title, item_code FROM listings_products WHERE id = ?', [existing.product_id]);
      return this.refuse(row, '商家编码', {
        'zh-CN': `商家编码“${sku.code}”已经属于商品“${holder?.title}”（货号 ${holder?.item_code}）`,
        en: `The outer SKU code “${sku.code}” already belongs to “${holder?.title}” (item code ${holder?.item_code})`,
      });
    }
    if ((!existing || existing.needs_completing === 1) && (sku.price === undefined || sku.cost === undefined)) {
      const column = sku.price === undefined ? '价格' : '成本';
      return this.refuse(row, column, { 'zh-CN': `新的 SKU“${sku.code}”要填价格和成本`, en: `The new SKU “${sku.code}” needs a price and a cost` });
    }
    if (sku.barcode !== undefined) {
      const before = this.barcodesSeen.get(sku.barcode);
      if (before !== undefined) return this.refuse(row, '条形码', { 'zh-CN': `条形码 ${sku.barcode} 在第 ${before} 行已经出现过`, en: `Barcode ${sku.barcode} already appears in row ${before}` });
      this.barcodesSeen.set(sku.barcode, row.row);
      const holder = await this.tx.get<{ code: string }>('SELECT code FROM listings_skus WHERE barcode = ? AND id <> ?', [sku.barcode, existing?.id ?? 0]);
      if (holder) return this.refuse(row, '条形码', { 'zh-CN': `条形码 ${sku.barcode} 已经用在商家编码“${holder.code}”上了`, en: `Barcode ${sku.barcode} is already on the SKU “${holder.code}”` });
    }
    return true;
  }

  /** The product cells of the accepted rows; a row that contradicts an earlier one is refused. */
  private mergeProductCells(rows: CsvRow[]): { cells: ProductCells; rows: CsvRow[] } {
    const cells: ProductCells = {};
    const from: Partial<Record<keyof ProductCells, number>> = {};
    const kept = rows.filter((row) => {
      for (const [key, column] of PRODUCT_COLUMNS) {
        const value = row.product[key];
        if (value === undefined) continue;
        if (cells[key] !== undefined && cells[key] !== value) {
          return this.refuse(row, column, { 'zh-CN': `同一货号的${column}与第 ${from[key]} 行不一致`, en: `${column} differs from row ${from[key]} for the same item code` });
        }
      }
      for (const [key] of PRODUCT_COLUMNS) {
        if (row.product[key] !== undefined && cells[key] === undefined) {
          cells[key] = row.product[key];
          from[key] = row.row;
        }
      }
      return true;
    });
    return { cells, rows: kept };
  }

  /** Imports the rows of one 货号. */
  async importProduct(group: CsvRow[]): Promise<void> {
    const itemCode = group[0]!.itemCode;
    let product = await this.tx.get<ProductRow>('SELECT * FROM listings_products WHERE item_code = ?', [itemCode]);
    const checked: CsvRow[] = [];
    for (const row of group) {
      await this.onRow();
      if (await this.skuAcceptable(row, product)) checked.push(row);
    }
    const { cells, rows } = this.mergeProductCells(checked);
    if (rows.length === 0) return;
    if (!product && cells.title === undefined) {
      for (const row of rows) this.refuse(row, '标题', { 'zh-CN': `新商品（货号 ${itemCode}）要填标题`, en: `The new product (item code ${itemCode}) needs a title` });
      return;
    }
    let categoryId = product?.category_id ?? null;
    if (cells.category !== undefined) {
      const found = await categoryStore(this.tx).resolvePath(cells.category, this.now);
      if (found === undefined) {
        for (const row of rows) {
          this.refuse(row, '分类', { 'zh-CN': `分类“${cells.category}”有重名，请写成“父类/子类”`, en: `The category “${cells.category}” is ambiguous; write it as parent/child` });
        }
        return;
      }
      categoryId = found;
    }
    let productOutcome: Outcome;
    let review: ReviewedEdit | undefined;
    if (!product) {
      const attributes = cells.fabric === undefined ? {} : { 面料: cells.fabric };
      const { lastId } = await this.tx.run(
        `INSERT INTO listings_products (title, item_code, category_id, description, attributes, shipping_template, created_at, updated_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [cells.title!, itemCode, categoryId, cells.description ?? '', JSON.stringify(attributes), cells.shippingTemplate ?? null, this.now, this.now, this.actor.id],
      );
      product = (await this.tx.get<ProductRow>('SELECT * FROM listings_products WHERE id = ?', [lastId]))!;
      productOutcome = 'created';
    } else {
      // A listed product's title, description, attributes, prices and new SKUs wait for review like an edit's.
      review = underReview(productFromRow(product)) ? { skuUpdates: [], create: [], remove: [] } : undefined;
      productOutcome = (await this.updateProduct(product, cells, categoryId, review)) ? 'updated' : 'unchanged';
    }
    for (const row of rows) {
      const skuOutcome = row.sku ? await this.writeSku(product.id, row, review) : 'unchanged';
      this.outcomes.push(productOutcome === 'created' || skuOutcome === 'created' ? 'created' : productOutcome === 'updated' || skuOutcome === 'updated' ? 'updated' : 'unchanged');
    }
    if (review) await addToRevision(this.tx, product.id, review, { now: this.now, actor: this.actor });
  }

  /** Writes only what differs, so a file imported twice leaves versions and times alone. */
  private async updateProduct(product: ProductRow, cells: ProductCells, categoryId: number | null, review: ReviewedEdit | undefined): Promise<boolean> {
    const changes: Record<string, SqlValue> = {};
    const reviewed: Record<string, SqlValue> = {};
    if (cells.title !== undefined && !same(product.title, cells.title)) reviewed.title = cells.title;
    if (categoryId !== product.category_id) changes.category_id = categoryId;
    if (cells.description !== undefined && !same(product.description, cells.description)) reviewed.description = cells.description;
    if (cells.shippingTemplate !== undefined && !same(product.shipping_template, cells.shippingTemplate)) changes.shipping_template = cells.shippingTemplate;
    const attributes = JSON.parse(product.attributes) as Record<string, string>;
    if (cells.fabric !== undefined && attributes.面料 !== cells.fabric) reviewed.attributes = JSON.stringify({ ...attributes, 面料: cells.fabric });
    if (review) {
      if (typeof reviewed.title === 'string') review.title = reviewed.title;
      if (typeof reviewed.description === 'string') review.description = reviewed.description;
      if (typeof reviewed.attributes === 'string') review.attributes = JSON.parse(reviewed.attributes) as Record<string, string>;
    } else Object.assign(changes, reviewed);
    if (Object.keys(changes).length === 0) return Object.keys(reviewed).length > 0;
    await this.tx.updateVersioned('listings_products', { id: product.id, version: product.version }, { ...changes, updated_at: this.now });
    return true;
  }

  private async writeSku(productId: number, row: CsvRow, review: ReviewedEdit | undefined): Promise<Outcome> {
    const sku = row.sku!;
    const existing = await this.tx.get<SkuRow>('SELECT * FROM listings_skus WHERE code = ?', [sku.code]);
    const attributes = { ...(existing ? (JSON.parse(existing.attributes) as Record<string, string>) : {}) };
    if (sku.color !== undefined) attributes.颜色 = sku.color;
    if (sku.size !== undefined) attributes.尺码 = sku.size;
    if (review && (!existing || existing.product_id === null)) {
      review.create.push({ code: sku.code, attributes, price: sku.price!, cost: sku.cost!, barcode: sku.barcode ?? null, weightGrams: sku.weightGrams ?? null, lowStockThreshold: sku.lowStockThreshold ?? null });
      return 'updated';
    }
    if (!existing) {
      await this.tx.run(
        `INSERT INTO listings_skus (product_id, code, attributes, price, cost, barcode, weight_grams, low_stock_threshold, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [productId, sku.code, JSON.stringify(attributes), sku.price!, sku.cost!, sku.barcode ?? null, sku.weightGrams ?? null, sku.lowStockThreshold ?? null, this.now, this.now],
      );
      return 'created';
    }
    const changes: Record<string, SqlValue> = {};
    const newAttributes = JSON.stringify(attributes) !== existing.attributes;
    const newPrice = sku.price !== undefined && sku.price !== existing.price;
    if (review && (newAttributes || newPrice)) {
      review.skuUpdates.push({ id: existing.id, ...(newPrice ? { price: sku.price! } : {}), ...(newAttributes ? { attributes } : {}) });
    } else {
      if (newAttributes) changes.attributes = JSON.stringify(attributes);
      if (newPrice) changes.price = sku.price!;
    }
    if (sku.cost !== undefined && sku.cost !== existing.cost) changes.cost = sku.cost;
    if (sku.barcode !== undefined && sku.barcode !== existing.barcode) changes.barcode = sku.barcode;
    if (sku.weightGrams !== undefined && sku.weightGrams !== existing.weight_grams) changes.weight_grams = sku.weightGrams;
    if (sku.lowStockThreshold !== undefined && sku.lowStockThreshold !== existing.low_stock_threshold) changes.low_stock_threshold = sku.lowStockThreshold;
    const stub = existing.product_id === null;
    if (stub) Object.assign(changes, { product_id: productId, needs_completing: 0 });
    if (Object.keys(changes).length === 0) return review && (newAttributes || newPrice) ? 'updated' : 'unchanged';
    await this.tx.updateVersioned('listings_skus', { id: existing.id, version: existing.version }, { ...changes, updated_at: this.now });
    // A stub taken over by the file is new to the catalog, even though its row already existed.
    return stub ? 'created' : 'updated';
  }
}

/** The `products-csv` importer: UTF-8 or GBK, columns by header, one transaction for the valid rows. */
export function registerProductImporter(ctx: PluginContext): void {
  ctx.importers.register('products-csv', async ({ file, actor, locale, progress, readHeader }: ImportRequest): Promise<ImportReport> => {
    const { text } = decodeCsv(file.bytes);
    const parsed = await readCsvRowsInTurns(text, (done, total) => progress.report({ done, total, message: { 'zh-CN': '行已读取', en: 'rows read' } }), readHeader);
    const groups = groupRows(parsed.rows);
    const total = parsed.rows.length;
    // The progress bar shows "done / total" itself; the message only names the unit.
    const counted = (done: number) => ({ done, total, message: { 'zh-CN': '行已处理', en: 'rows processed' } });
    // Reported before the work starts, so even a file whose every row was refused shows its count.
    progress.report(counted(0));
    const run = await ctx.db.transaction(async (tx) => {
      let done = 0;
      const job = new CatalogImport(tx, ctx.now(), actor, async () => {
        progress.report(counted(++done));
        if (done % ROWS_PER_TURN === 0) await nextTurn();
      });
      for (const group of groups) await job.importProduct(group);
      progress.report(counted(total));
      return job;
    });
    // A file of many refused rows makes a long report; build it on a turn of its own.
    await nextTurn();
    const count = (o: Outcome) => run.outcomes.filter((x) => x === o).length;
    const rejected = [...parsed.rejected, ...run.rejected].sort((a, b) => a.row - b.row).map((r) => ({ row: r.row, column: r.column, reason: localize(r.reason, locale) }));
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected };
  });
}
