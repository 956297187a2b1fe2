import { InputError, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { assertRealTime } from '../shared/real-time.js';

/** `from`/`to` of a list: an ISO 8601 instant, or a shop day `YYYY-MM-DD` (the whole day). */
export const TIME_BOUND: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function shopDayStart(ctx: PluginContext, day: string): number {
  // The shop's offset on that day, read from the shop time of its UTC noon.
  const noon = ctx.shopTime(`${day}T12:00:00Z`);
  const offset = noon.slice(-6);
  const start = Date.parse(`${day}T00:00:00${offset}`);
  if (Number.isNaN(start)) throw new InputError({ 'zh-CN': `日期 ${day} 不存在`, en: `There is no date ${day}` });
  return start;
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InputError({ 'zh-CN': `${field} 不是有效的时间：${value}`, en: `${field} is not a valid time: ${value}` });
  return ms;
}

/**
 * SQL conditions on a column holding `ctx.now()` strings. Bounds become shop-time text, which
 * sorts as time; a day as `to` includes the whole day.
 */
export function timeRange(ctx: PluginContext, column: string, from?: string, to?: string): { sql: string[]; args: string[] } {
  const sql: string[] = [];
  const args: string[] = [];
  if (from) {
    assertRealTime(from, 'from');
    sql.push(`${column} >= ?`);
    args.push(ctx.shopTime(DAY.test(from) ? shopDayStart(ctx, from) : instant(from, 'from')));
  }
  if (to) {
    assertRealTime(to, 'to');
    if (DAY.test(to)) {
      sql.push(`${column} < ?`);
      args.push(ctx.shopTime(shopDayStart(ctx, nextDay(to))));
    } else {
      sql.push(`${column} <= ?`);
      args.push(ctx.shopTime(instant(to, 'to')));
    }
  }
  return { sql, args };
}
