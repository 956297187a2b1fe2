import { ConflictError, csvText, encodeCsv, UnavailableError, yuan, type CsvEncoding, type PluginContext } from '@workbench/plugin-api';
import { attendanceRules } from '../attendance/attendance-rules.js';
import { moneySettings } from '../rules/money-settings.js';
import { amountStore } from './amount-store.js';
import { MONTH } from './money-schemas.js';
import { bookAttendance, summarize, type MonthDays, type MonthRow } from './month-summary.js';
import { monthStore, type MonthClose } from './month-store.js';
import type { StaffLookup } from './staff-lookup.js';

const PARAMS = { type: 'object', properties: { month: MONTH }, required: ['month'] };

/** The month: everyone's summary, pricing attendance, the owner's close, the payroll deductions file. */
export function addMonthRoutes(ctx: PluginContext, staff: StaffLookup, days: MonthDays | undefined): void {
  const load = (month: string) => ctx.db.read(async (q) => {
    const people = await staff.all(q);
    const amounts = await amountStore(q).list({ month });
    const rows = summarize(month, people, amounts, days ? await days(q, month) : null);
    return { month, closed: (await monthStore(q).closed(month)) ?? null, rows };
  });

  ctx.routes.add<{ month: string }, Record<string, unknown>, undefined, { month: string; closed: MonthClose | null; rows: MonthRow[] }>({
    method: 'get',
    path: '/months/:month',
    permission: 'staff-rules.fines.read',
    summary: { 'zh-CN': '月度汇总（每人出勤、罚款、赔偿、奖励）', en: "The month's summary per person (attendance, fines, penalties, rewards)" },
    params: PARAMS,
    handler: ({ params }) => load(params.month),
  });

  const price = async (month: string) => {
    if (!days) throw new UnavailableError({ 'zh-CN': '考勤部分还没有运行，无法按考勤计算罚款', en: 'Attendance is not running yet, so its fines cannot be priced' });
    return ctx.db.transaction(async (tx) => {
      await monthStore(tx).requireOpen(month);
      return bookAttendance(tx, {
        month, people: await staff.all(tx), days: await days(tx, month),
        settings: moneySettings(ctx.settings.get()), rules: attendanceRules(ctx.settings.get()), at: ctx.now(),
      });
    });
  };

  ctx.routes.add<{ month: string }, Record<string, unknown>, undefined, { booked: number }>({
    method: 'post',
    path: '/months/:month/attendance',
    permission: 'staff-rules.fines.record',
    summary: { 'zh-CN': '按本月考勤重新计算迟到、早退、旷工等罚款', en: "Price the month's lateness, early leave, absence and leave again from attendance" },
    params: PARAMS,
    action: 'price attendance',
    handler: async ({ params }) => ({ booked: await price(params.month) }),
  });

  ctx.routes.add<{ month: string }, Record<string, unknown>, undefined, MonthClose>({
    method: 'post',
    path: '/months/:month/close',
    permission: 'staff-rules.month.close',
    summary: { 'zh-CN': '店长结账：此后本月不能再改', en: 'The owner closes the month: nothing in it changes after' },
    params: PARAMS,
    action: 'close month',
    handler: async ({ params, actor }) => {
      if (params.month >= ctx.now().slice(0, 7)) {
        throw new ConflictError({ 'zh-CN': `${params.month} 月还没过完，不能结账`, en: `${params.month} is not over yet; it cannot be closed` });
      }
      if (days) await price(params.month);
      return ctx.db.transaction((tx) => monthStore(tx).close(params.month, actor!.id, ctx.now()));
    },
  });

  ctx.routes.add<{ month: string }, { encoding: CsvEncoding }>({
    method: 'get',
    path: '/months/:month/deductions.csv',
    permission: 'staff-rules.fines.export',
    summary: { 'zh-CN': '导出工资扣款表（CSV）', en: 'Export the payroll deductions (CSV)' },
    description: { 'zh-CN': '每人一行：罚款、赔偿、奖励和应扣合计（元）。默认 UTF-8（带 BOM），?encoding=gbk 导出 GBK', en: 'One row per person: fines, penalties, rewards and the deduction (元). UTF-8 with a BOM by default, ?encoding=gbk for GBK' },
    params: PARAMS,
    query: { type: 'object', properties: { encoding: { type: 'string', enum: ['utf-8', 'gbk'], default: 'utf-8' } }, additionalProperties: false },
    handler: async ({ params, query }) => {
      const { rows, closed } = await load(params.month);
      const header = ['月份', '工号', '姓名', '出勤天数', '迟到次数', '早退次数', '请假天数', '旷工天数', '罚款（元）', '失误赔偿（元）', '奖励（元）', '应扣合计（元）', '已结账'];
      const lines = rows.map((r) => [
        params.month, r.staff.code, r.staff.name,
        ...(r.attendance ? [r.attendance.daysWorked, r.attendance.lates, r.attendance.earlyLeaves, r.attendance.leaveDays, r.attendance.absences].map(String) : ['', '', '', '', '']),
        yuan(r.finesFen), yuan(r.penaltiesFen), yuan(r.rewardsFen), yuan(r.deductionFen), closed ? '是' : '否',
      ]);
      return new Response(encodeCsv(csvText([header, ...lines]), query.encoding), {
        headers: {
          'content-type': `text/csv; charset=${query.encoding}`,
          'content-disposition': `attachment; filename="deductions-${params.month}.csv"; filename*=UTF-8''${encodeURIComponent(`工资扣款-${params.month}.csv`)}`,
        },
      });
    },
  });
}
