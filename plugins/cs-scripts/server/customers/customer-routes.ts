import { ConflictError, csvText, def, encodeCsv, InputError, NotFoundError, nullable, visibleText, type Actor, type CsvEncoding, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { careSettings } from './care-settings.js';
import { buyerOfOrder, customerFile, type CustomerFile } from './customer-file.js';
import { customerStore, type CustomerList, type CustomerProfile, type Person } from './customer-store.js';

const NICK = { type: 'string', minLength: 1, maxLength: 64 } as const;
const PROFILE: JsonSchema = {
  type: 'object',
  properties: {
    buyerNick: { type: 'string' }, level: { type: 'string' }, preferences: { type: 'string' }, traits: { type: 'array', items: { type: 'string' } },
    holidayGreetings: { type: 'boolean' }, newProductNotices: { type: 'boolean' }, version: { type: 'integer' }, updatedAt: nullable(def('timestamp')), updatedByName: nullable({ type: 'string' }),
  },
  required: ['buyerNick', 'level', 'preferences', 'traits', 'holidayGreetings', 'newProductNotices', 'version', 'updatedAt', 'updatedByName'],
};
const FILE: JsonSchema = {
  type: 'object',
  properties: {
    buyerNick: { type: 'string' }, profile: PROFILE,
    orders: nullable({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } }, total: { type: 'integer' }, spent: def('money') }, required: ['items', 'total', 'spent'] }),
    cases: nullable({ type: 'array', items: { type: 'object' } }),
    notes: { type: 'array', items: { type: 'object', properties: { id: def('id'), text: { type: 'string' }, createdAt: def('timestamp'), createdByName: { type: 'string' } }, required: ['id', 'text', 'createdAt', 'createdByName'] } },
    runs: { type: 'array', items: { type: 'object' } },
    returnVisits: { type: 'array', items: { type: 'object' } }, memberLevels: { type: 'array', items: { type: 'string' } },
  },
  required: ['buyerNick', 'profile', 'orders', 'cases', 'notes', 'runs', 'returnVisits', 'memberLevels'],
};
const LISTS: Record<CustomerList, { zh: string; en: string }> = {
  'holiday-greetings': { zh: '节日问候名单', en: 'holiday-greetings' },
  'new-products': { zh: '新品通知名单', en: 'new-products' },
};

const person = (actor: Actor): Person => ({ id: actor.id, name: actor.displayName });
const unknownCustomer = (nick: string) => new NotFoundError({ 'zh-CN': `没有买家 ${nick} 的订单或档案`, en: `No orders or file for buyer ${nick}` });

export function addCustomerRoutes(ctx: PluginContext): void {
  const settings = careSettings(ctx);

  ctx.routes.add<Record<string, string>, { buyerNick?: string; orderNo?: string }, undefined, CustomerFile>({
    method: 'get',
    path: '/customers/file',
    permission: 'cs-scripts.customers.read',
    summary: { 'zh-CN': '顾客档案：订单、售后、备注、偏好与会员等级', en: "A customer's file: orders, cases, notes, preferences and member level" },
    description: {
      'zh-CN': '按买家会员名（buyerNick）或订单编号（orderNo，取其买家）；收货人按 fulfillment.customer.read 打码，售后单需 after-sales.cases.read',
      en: 'By buyer nick (buyerNick) or an order number (orderNo, its buyer); receivers masked without fulfillment.customer.read, cases only with after-sales.cases.read',
    },
    query: { type: 'object', properties: { buyerNick: NICK, orderNo: { type: 'string', minLength: 1, maxLength: 64 } }, additionalProperties: false },
    response: FILE,
    handler: async ({ query, actor }) => {
      let nick = query.buyerNick?.trim();
      if (!nick && query.orderNo) {
        nick = await buyerOfOrder(ctx, query.orderNo, actor!);
        if (!nick) throw new NotFoundError({ 'zh-CN': `找不到订单 ${query.orderNo.trim()}`, en: `No order ${query.orderNo.trim()}` });
      }
      if (!nick) throw new InputError({ 'zh-CN': '请给出买家会员名或订单编号', en: 'Give a buyer nick or an order number' });
      const file = await customerFile(ctx, nick, actor!);
      if (!file) throw unknownCustomer(nick);
      return file;
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, Omit<CustomerProfile, 'version' | 'updatedAt' | 'updatedByName'> & { version: number }, CustomerProfile>({
    method: 'put',
    path: '/customers/profile',
    permission: 'cs-scripts.customers.write',
    summary: { 'zh-CN': '保存顾客的会员等级、偏好、特点与名单', en: "Save a customer's member level, preferences, traits and lists" },
    body: {
      type: 'object',
      properties: {
        buyerNick: NICK, version: { type: 'integer', minimum: 0 }, level: { type: 'string', maxLength: 20 }, preferences: { type: 'string', maxLength: 500 },
        traits: { type: 'array', items: visibleText(1, 20), maxItems: 20 }, holidayGreetings: { type: 'boolean' }, newProductNotices: { type: 'boolean' },
      },
      required: ['buyerNick', 'version', 'level', 'preferences', 'traits', 'holidayGreetings', 'newProductNotices'],
      additionalProperties: false,
    },
    response: PROFILE,
    action: 'save customer profile',
    handler: ({ body, actor }) => {
      const levels = settings().memberLevels;
      if (body.level !== '' && !levels.includes(body.level)) {
        throw new InputError({ 'zh-CN': `会员等级「${body.level}」不在设置的等级里：${levels.join('、')}`, en: `Member level "${body.level}" is not one of the levels in the settings: ${levels.join(', ')}` },
          { errors: [{ path: '/level', in: 'body', message: 'unknown level' }] });
      }
      return ctx.db.transaction(async (tx) => {
        const store = customerStore(tx);
        const nick = body.buyerNick.trim();
        const current = await store.profile(nick);
        if (current.version !== body.version) {
          throw new ConflictError({ 'zh-CN': `${nick} 的档案刚被 ${current.updatedByName} 改过，请刷新后再改`, en: `${nick}'s file was just changed by ${current.updatedByName}; reload it and edit again` });
        }
        const traits = [...new Set(body.traits.map((t) => t.trim()))];
        await store.saveProfile({ buyerNick: nick, level: body.level, preferences: body.preferences.trim(), traits, holidayGreetings: body.holidayGreetings, newProductNotices: body.newProductNotices }, person(actor!), ctx.now());
        return store.profile(nick);
      });
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, { buyerNick: string; text: string }, { ok: true }>({
    method: 'post',
    path: '/customers/notes',
    permission: 'cs-scripts.customers.write',
    summary: { 'zh-CN': '给顾客记一条备注', en: 'Add a note to a customer' },
    body: { type: 'object', properties: { buyerNick: NICK, text: visibleText(1, 500, { pattern: '\\S' }) }, required: ['buyerNick', 'text'], additionalProperties: false },
    response: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
    status: 201,
    action: 'note on customer',
    handler: async ({ body, actor }) => {
      await ctx.db.transaction((tx) => customerStore(tx).addNote(body.buyerNick.trim(), body.text.trim(), person(actor!), ctx.now()));
      return { ok: true };
    },
  });

  ctx.routes.add<{ list: CustomerList }, { level?: string; encoding: CsvEncoding }>({
    method: 'get',
    path: '/customer-lists/:list/export.csv',
    permission: 'cs-scripts.customers.export',
    summary: { 'zh-CN': '导出节日问候或新品通知名单（CSV，在千牛里群发）', en: 'Export the holiday-greetings or new-products list (CSV, sent from 千牛)' },
    description: { 'zh-CN': '`holiday-greetings` 或 `new-products`；`level` 只导出一个会员等级。默认 UTF-8（带 BOM），?encoding=gbk 导出 GBK', en: '`holiday-greetings` or `new-products`; `level` keeps one member level. UTF-8 with a BOM by default, ?encoding=gbk for GBK' },
    params: { type: 'object', properties: { list: { type: 'string', enum: ['holiday-greetings', 'new-products'] } }, required: ['list'] },
    query: { type: 'object', properties: { level: { type: 'string', maxLength: 20 }, encoding: { type: 'string', enum: ['utf-8', 'gbk'], default: 'utf-8' } }, additionalProperties: false },
    handler: async ({ params, query }) => {
      const rows = await ctx.db.read((q) => customerStore(q).onList(params.list, query.level));
      const header = ['买家会员名', '会员等级', '偏好', '特点'];
      const lines = rows.map((r) => [r.buyerNick, r.level, r.preferences, r.traits.join('、')]);
      const name = LISTS[params.list];
      return new Response(encodeCsv(csvText([header, ...lines]), query.encoding), {
        headers: {
          'content-type': `text/csv; charset=${query.encoding}`,
          'content-disposition': `attachment; filename="${name.en}.csv"; filename*=UTF-8''${encodeURIComponent(`${name.zh}.csv`)}`,
        },
      });
    },
  });
}
