import { ConflictError, InputError, NotFoundError, invisibleCharacterIn, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { Category } from '../types.js';

interface CategoryRow {
  id: number;
  name: string;
  parent_id: number | null;
  sort_order: number;
  version: number;
}

const fromRow = (row: CategoryRow): Category => ({ id: row.id, name: row.name, parentId: row.parent_id, sortOrder: row.sort_order, version: row.version });

/** Reads of 宝贝分类; any Queryable will do. */
export interface CategoryReader {
  /** Every category in display order: each parent, followed by its children. */
  list(): Promise<Category[]>;
  get(id: number): Promise<Category | undefined>;
  /** The category, or a 404 naming it. */
  require(id: number): Promise<Category>;
  /** How each category is written in a CSV cell: `父类/子类`, or the name of a top-level category. */
  paths(): Promise<Map<number, string>>;
}

/** 宝贝分类 over `listings_categories`, inside the caller's transaction. */
export interface CategoryStore extends CategoryReader {
  /** Adds a category at the end of its siblings. */
  create(input: { name: string; parentId?: number | null }, now: string): Promise<Category>;
  /** Renames a category and/or moves it under another parent (or to the top level with `parentId: null`). */
  update(id: number, input: { name?: string; parentId?: number | null; version: number }, now: string): Promise<Category>;
  /** Swaps a category with its neighbour among its siblings; at either end nothing moves. */
  move(id: number, direction: 'up' | 'down', now: string): Promise<void>;
  /** Deletes a category without children; its products become uncategorised (未分类). */
  delete(id: number, now: string): Promise<void>;
  /**
   * The category a CSV cell names: `父类/子类` or a single name. Missing ones are created; a single
   * name that fits several subcategories is ambiguous and answers `undefined`.
   */
  resolvePath(path: string, now: string): Promise<number | undefined>;
}

/** The category store over a transaction (reads and writes) or any Queryable (reads only). */
export function categoryStore(tx: Transaction): CategoryStore;
export function categoryStore(q: Queryable): CategoryReader;
export function categoryStore(q: Queryable): CategoryReader {
  return new DbCategoryStore(q as Transaction);
}

/** Trims a category name; a `/` is refused because the CSV columns write `父类/子类`, and invisible characters because two names that look alike must be one. */
export function cleanCategoryName(name: string): string {
  const clean = name.trim();
  if (clean === '' || clean.includes('/')) {
    throw new InputError(
      { 'zh-CN': '分类名称不能为空，也不能含有“/”', en: 'A category name must not be empty or contain “/”' },
      { errors: [{ path: '/name', in: 'body', message: clean === '' ? '不能为空' : '不能含有 /' }] },
    );
  }
  const hidden = invisibleCharacterIn(clean);
  if (hidden) {
    throw new InputError(
      { 'zh-CN': `分类名称“${clean}”含有看不见的字符 ${hidden}，请删掉后重新输入`, en: `The category name “${clean}” contains the invisible character ${hidden}; delete it and type it again` },
      { errors: [{ path: '/name', in: 'body', message: `看不见的字符 ${hidden}` }] },
    );
  }
  return clean;
}

const SELECT = 'SELECT id, name, parent_id, sort_order, version FROM listings_categories';

class DbCategoryStore implements CategoryStore {
  constructor(private readonly tx: Transaction) {}

  async list(): Promise<Category[]> {
    const rows = await this.tx.all<CategoryRow>(`${SELECT} ORDER BY sort_order, id`);
    const parents = rows.filter((r) => r.parent_id === null);
    return parents.flatMap((parent) => [parent, ...rows.filter((r) => r.parent_id === parent.id)]).map(fromRow);
  }

  async get(id: number): Promise<Category | undefined> {
    const row = await this.tx.get<CategoryRow>(`${SELECT} WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async require(id: number): Promise<Category> {
    const category = await this.get(id);
    if (!category) throw new NotFoundError({ 'zh-CN': `没有找到分类 #${id}，可能已被删除`, en: `Category #${id} was not found; it may have been deleted` });
    return category;
  }

  async paths(): Promise<Map<number, string>> {
    const rows = await this.tx.all<CategoryRow>('SELECT id, name, parent_id FROM listings_categories');
    const byId = new Map(rows.map((r) => [r.id, r]));
    return new Map(rows.map((r) => [r.id, r.parent_id === null ? r.name : `${byId.get(r.parent_id)?.name ?? ''}/${r.name}`]));
  }

  async create(input: { name: string; parentId?: number | null }, now: string): Promise<Category> {
    const name = cleanCategoryName(input.name);
    const parentId = input.parentId ?? null;
    if (parentId !== null) await this.checkParent(parentId);
    await this.checkNameFree(name, parentId);
    const last = await this.tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM listings_categories WHERE COALESCE(parent_id, 0) = ?', [parentId ?? 0]);
    const { lastId } = await this.tx.run(
      'INSERT INTO listings_categories (name, parent_id, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      [name, parentId, (last?.n ?? 0) + 1, now, now],
    );
    return this.require(lastId);
  }

  async update(id: number, input: { name?: string; parentId?: number | null; version: number }, now: string): Promise<Category> {
    const tx = this.tx;
    const current = await this.require(id);
    const name = input.name === undefined ? current.name : cleanCategoryName(input.name);
    const parentId = input.parentId === undefined ? current.parentId : input.parentId;
    const moving = parentId !== current.parentId;
    if (moving && parentId !== null) {
      if (parentId === id) {
        throw new InputError({ 'zh-CN': '分类不能放在自己下面', en: 'A category cannot be its own parent' }, { errors: [{ path: '/parentId', in: 'body', message: '不能是自己' }] });
      }
      await this.checkParent(parentId);
      const child = await tx.get<{ name: string }>('SELECT name FROM listings_categories WHERE parent_id = ? LIMIT 1', [id]);
      if (child) {
        throw new InputError(
          { 'zh-CN': `“${current.name}”下面还有子分类（如“${child.name}”），不能再放到别的分类下`, en: `“${current.name}” has subcategories (e.g. “${child.name}”), so it cannot become a subcategory` },
          { errors: [{ path: '/parentId', in: 'body', message: '有子分类' }] },
        );
      }
    }
    if (name !== current.name || moving) await this.checkNameFree(name, parentId, id);
    const changes: Record<string, string | number | null> = { name, parent_id: parentId, updated_at: now };
    if (moving) {
      const last = await tx.get<{ n: number | null }>('SELECT MAX(sort_order) AS n FROM listings_categories WHERE COALESCE(parent_id, 0) = ?', [parentId ?? 0]);
      changes.sort_order = (last?.n ?? 0) + 1;
    }
    await tx.updateVersioned('listings_categories', { id, version: input.version }, changes);
    if (moving) await this.renumber(current.parentId, now);
    return this.require(id);
  }

  async move(id: number, direction: 'up' | 'down', now: string): Promise<void> {
    const current = await this.require(id);
    const neighbour = await this.tx.get<CategoryRow>(
      direction === 'up'
        ? 'SELECT id, sort_order FROM listings_categories WHERE COALESCE(parent_id, 0) = ? AND sort_order < ? ORDER BY sort_order DESC LIMIT 1'
        : 'SELECT id, sort_order FROM listings_categories WHERE COALESCE(parent_id, 0) = ? AND sort_order > ? ORDER BY sort_order ASC LIMIT 1',
      [current.parentId ?? 0, current.sortOrder],
    );
    if (!neighbour) return;
    const bump = 'UPDATE listings_categories SET sort_order = ?, version = version + 1, updated_at = ? WHERE id = ?';
    await this.tx.run(bump, [neighbour.sort_order, now, current.id]);
    await this.tx.run(bump, [current.sortOrder, now, neighbour.id]);
  }

  async delete(id: number, now: string): Promise<void> {
    const tx = this.tx;
    const current = await this.require(id);
    const children = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM listings_categories WHERE parent_id = ?', [id]);
    if ((children?.n ?? 0) > 0) {
      throw new ConflictError({
        'zh-CN': `“${current.name}”下面还有 ${children!.n} 个子分类，请先删除或移走它们`,
        en: `“${current.name}” still has ${children!.n} subcategories; delete or move them first`,
      });
    }
    // The products change, so their version moves too: an editor holding the old one must reload.
    await tx.run('UPDATE listings_products SET category_id = NULL, version = version + 1, updated_at = ? WHERE category_id = ?', [now, id]);
    await tx.run('DELETE FROM listings_categories WHERE id = ?', [id]);
    await this.renumber(current.parentId, now);
  }

  async resolvePath(path: string, now: string): Promise<number | undefined> {
    const parts = path.split('/').map((p) => p.trim());
    if (parts.length > 2 || parts.some((p) => p === '')) return undefined;
    const find = (name: string, parentId: number | null) =>
      this.tx.get<{ id: number }>('SELECT id FROM listings_categories WHERE COALESCE(parent_id, 0) = ? AND name = ?', [parentId ?? 0, name]);
    const [first, second] = parts as [string, string | undefined];
    if (second === undefined) {
      const top = await find(first, null);
      if (top) return top.id;
      const children = await this.tx.all<{ id: number }>('SELECT id FROM listings_categories WHERE parent_id IS NOT NULL AND name = ?', [first]);
      if (children.length === 1) return children[0]!.id;
      if (children.length > 1) return undefined;
      return (await this.create({ name: first }, now)).id;
    }
    const parent = (await find(first, null)) ?? (await this.create({ name: first }, now));
    const child = (await find(second, parent.id)) ?? (await this.create({ name: second, parentId: parent.id }, now));
    return child.id;
  }

  /** A parent for a new or moved category: it must exist and be top-level, since categories nest one level. */
  private async checkParent(parentId: number): Promise<Category> {
    const parent = await this.get(parentId);
    if (!parent) {
      throw new InputError({ 'zh-CN': `上级分类 #${parentId} 不存在`, en: `Parent category #${parentId} does not exist` }, { errors: [{ path: '/parentId', in: 'body', message: '不存在' }] });
    }
    if (parent.parentId !== null) {
      throw new InputError(
        { 'zh-CN': `“${parent.name}”已经是子分类，分类只能有两级`, en: `“${parent.name}” is already a subcategory; categories nest one level only` },
        { errors: [{ path: '/parentId', in: 'body', message: '只能有两级' }] },
      );
    }
    return parent;
  }

  private async checkNameFree(name: string, parentId: number | null, exceptId = 0): Promise<void> {
    const clash = await this.tx.get<{ id: number }>('SELECT id FROM listings_categories WHERE COALESCE(parent_id, 0) = ? AND name = ? AND id <> ?', [parentId ?? 0, name, exceptId]);
    if (clash) {
      throw new ConflictError(
        { 'zh-CN': `同一级已经有叫“${name}”的分类了`, en: `There is already a category “${name}” at this level` },
        { errors: [{ path: '/name', in: 'body', message: '重名' }] },
      );
    }
  }

  /** Numbers the siblings under `parentId` 1, 2, 3 … in their current order, closing gaps left by moves and deletes. */
  private async renumber(parentId: number | null, now: string): Promise<void> {
    const rows = await this.tx.all<CategoryRow>('SELECT id, sort_order FROM listings_categories WHERE COALESCE(parent_id, 0) = ? ORDER BY sort_order, id', [parentId ?? 0]);
    for (const [i, row] of rows.entries()) {
      if (row.sort_order !== i + 1) {
        await this.tx.run('UPDATE listings_categories SET sort_order = ?, version = version + 1, updated_at = ? WHERE id = ?', [i + 1, now, row.id]);
      }
    }
  }
}
