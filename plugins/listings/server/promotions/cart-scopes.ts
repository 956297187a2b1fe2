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
    const found: number[] = [];
    for (const id of products) for (const i of this.byProduct.get(id) ?? []) found.push(i);
    for (const id of categories) for (const i of this.byCategory.get(id) ?? []) found.push(i);
    return this.split(found);
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
    if (indices.length > 1) indices.sort((a, b) => a - b);
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

function push(index: Map<number, number[]>, key: number, line: number): void {
  const known = index.get(key);
  if (known) known.push(line);
  else index.set(key, [line]);
}
