// Which lines of one cart a promotion's scope covers. A cart is priced under every active
// promotion of the shop (two hundred on a big day), so the lines are indexed by product, category
// and SKU once per cart instead of every promotion testing every line.
import type { PromotionScope } from '../types.js';
import type { WorkLine } from './candidates.js';

/** The lines a scope accepts: listed ones as indices (ascending), unlisted ones as sorted 商家编码. */
export interface ScopedLines {
  lines: number[];
  unlisted: string[];
}

export class CartScopes {
  private readonly byProduct = new Map<number, number[]>();
  /** A line is found under its category and under that category's parent. */
  private readonly byCategory = new Map<number, number[]>();
  private readonly bySku = new Map<number, number>();
  private everyLine: ScopedLines | undefined;
  /**
   * The answers so far for scopes of one category or one product: a cart's promotions name the
   * same category again and again, and candidates of one scope sharing one list of lines lets the
   * steps add up those lines' amounts once for all of them. (A key for longer scopes cost more to
   * build than it saved.)
   */
  private readonly byOneCategory = new Map<number, ScopedLines>();
  private readonly byOneProduct = new Map<number, ScopedLines>();

  constructor(private readonly lines: readonly WorkLine[]) {
    lines.forEach((line, i) => {
      push(this.byProduct, line.sku.productId, i);
      if (line.sku.categoryId !== null) push(this.byCategory, line.sku.categoryId, i);
      const parent = line.sku.parentCategoryId;
      if (parent != null && parent !== line.sku.categoryId) push(this.byCategory, parent, i);
      this.bySku.set(line.skuId, i);
    });
  }

  /** Does the cart hold this SKU? */
  has(skuId: number): boolean {
    return this.bySku.has(skuId);
  }

  /** The lines a promotion's scope covers; an empty scope covers the whole cart. */
  forScope(scope: PromotionScope): ScopedLines {
    const products = scope.productIds ?? [];
    const categories = scope.categoryIds ?? [];
    if (products.length === 0 && categories.length === 0) return (this.everyLine ??= this.split([...this.lines.keys()]));
    if (products.length === 1 && categories.length === 0) return this.one(this.byOneProduct, this.byProduct, products[0]!);
    if (products.length === 0 && categories.length === 1) return this.one(this.byOneCategory, this.byCategory, categories[0]!);
    const found: number[] = [];
    for (const id of products) for (const i of this.byProduct.get(id) ?? NONE) found.push(i);
    for (const id of categories) for (const i of this.byCategory.get(id) ?? NONE) found.push(i);
    return this.split(found);
  }

  /** The lines under one key of `index`, worked out once per cart. */
  private one(known: Map<number, ScopedLines>, index: ReadonlyMap<number, number[]>, id: number): ScopedLines {
    let scoped = known.get(id);
    if (!scoped) {
      scoped = this.split([...(index.get(id) ?? NONE)]);
      known.set(id, scoped);
    }
    return scoped;
  }

  /** The lines of these SKUs (a bundle's); SKUs the cart does not hold are skipped. */
  forSkus(skuIds: readonly number[]): ScopedLines {
    const found: number[] = [];
    for (const id of skuIds) {
      const i = this.bySku.get(id);
      if (i !== undefined) found.push(i);
    }
    return this.split(found);
  }

  /** Line indices (any order, repeats allowed) into listed indices in cart order and sorted unlisted codes. */
  private split(indices: number[]): ScopedLines {
    if (!ascending(indices)) indices.sort((a, b) => a - b);
    const result: ScopedLines = { lines: [], unlisted: [] };
    let last = -1;
    for (const i of indices) {
      if (i === last) continue;
      last = i;
      const line = this.lines[i]!;
      if (line.listed) result.lines.push(i);
      else result.unlisted.push(line.sku.code);
    }
    // Sorted, so the explanation reads the same whatever order the cart lists its lines in.
    result.unlisted.sort();
    return result;
  }
}

const NONE: readonly number[] = [];

/** Most scopes find their lines in order already; sorting them anyway cost more than the rest. */
function ascending(indices: readonly number[]): boolean {
  for (let k = 1; k < indices.length; k++) if (indices[k]! < indices[k - 1]!) return false;
  return true;
}

function push(index: Map<number, number[]>, key: number, line: number): void {
  const known = index.get(key);
  if (known) known.push(line);
  else index.set(key, [line]);
}
