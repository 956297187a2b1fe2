import type { PluginContext } from '@workbench/plugin-api';
import type { Category } from '../types.js';
import { categoryStore } from './category-store.js';
import { CATALOG_SCHEMAS } from './schemas.js';
import { def, ID_PARAMS, ref, visibleText } from '../shared/schema-refs.js';

const LIST = { type: 'object', properties: { items: { type: 'array', items: ref(CATALOG_SCHEMAS.category) } }, required: ['items'], additionalProperties: false };
const NAME = visibleText(1, 40);
const PARENT = { anyOf: [def('id'), { type: 'null' }] };

/** 宝贝分类: list, create, rename or move under another parent, move up/down, delete. */
export function addCategoryRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, undefined, { items: Category[] }>({
    method: 'get',
    path: '/categories',
    permission: 'listings.products.read',
    summary: { 'zh-CN': '宝贝分类（按显示顺序，父类后跟子类）', en: 'Categories in display order (each parent, then its children)' },
    response: LIST,
    handler: async () => ({ items: await ctx.db.read((q) => categoryStore(q).list()) }),
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { name: string; parentId?: number | null }, Category>({
    method: 'post',
    path: '/categories',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '新建分类（最多两级）', en: 'Create a category (one level of nesting)' },
    body: { type: 'object', properties: { name: NAME, parentId: PARENT }, required: ['name'], additionalProperties: false },
    response: ref(CATALOG_SCHEMAS.category),
    status: 201,
    action: 'create category',
    handler: ({ body }) => ctx.db.transaction((tx) => categoryStore(tx).create(body, ctx.now())),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { name?: string; parentId?: number | null; version: number }, Category>({
    method: 'patch',
    path: '/categories/:id',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '改分类名称或上级分类（须带版本号）', en: 'Rename a category or change its parent (send the version)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { name: NAME, parentId: PARENT, version: def('version') }, required: ['version'], additionalProperties: false },
    response: ref(CATALOG_SCHEMAS.category),
    action: 'update category',
    handler: ({ params, body }) => ctx.db.transaction((tx) => categoryStore(tx).update(params.id, body, ctx.now())),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, { direction: 'up' | 'down' }, { items: Category[] }>({
    method: 'post',
    path: '/categories/:id/move',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '分类上移或下移一位', en: 'Move a category up or down among its siblings' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { direction: { enum: ['up', 'down'] } }, required: ['direction'], additionalProperties: false },
    response: LIST,
    action: 'move category',
    handler: ({ params, body }) =>
      ctx.db.transaction(async (tx) => {
        const categories = categoryStore(tx);
        await categories.move(params.id, body.direction, ctx.now());
        return { items: await categories.list() };
      }),
  });

  ctx.routes.add<{ id: number }>({
    method: 'delete',
    path: '/categories/:id',
    permission: 'listings.products.edit',
    summary: { 'zh-CN': '删除分类（其中的商品变为未分类）', en: 'Delete a category (its products become uncategorised)' },
    params: ID_PARAMS,
    status: 204,
    action: 'delete category',
    handler: async ({ params }) => {
      await ctx.db.transaction((tx) => categoryStore(tx).delete(params.id, ctx.now()));
      return undefined;
    },
  });
}
