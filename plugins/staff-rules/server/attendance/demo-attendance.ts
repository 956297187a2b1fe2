// The demo shop's month of attendance for its eight people: mostly on time, a few lates of each
// band, one absence, a night shift to 01:00, leave approved, waiting and refused, and a clock a
// supervisor corrected — so every part of the board, the calendar and my page has something to show.
import type { Transaction } from '@workbench/plugin-api';
import { rosterStore } from '../roster/roster-store.js';
import { addDays, daysBetween, shopDay } from '../roster/shift-times.js';
import { staffStore } from '../staff/staff-store.js';
import { inOffset } from './clock-file.js';
import { clockStore } from './clock-store.js';
import { leaveStore } from './leave-store.js';

const MINUTE = 60_000;

/** Minutes after the start (negative: early) that person `code` arrives on day `n` of the month: a fixed pattern, not chance. */
function arrival(code: string, n: number): number {
  const special: Record<string, Record<number, number>> = { '01': { 3: 4 }, '02': { 5: 6, 12: 16 }, '07': { 8: 9 } };
  return special[code]?.[n] ?? -(((Number(code) * 7 + n * 5) % 12) + 2);
}

/** Minutes before the end (positive: early leave) that `code` leaves on day `n`. */
function departure(code: string, n: number): number {
  return code === '08' && n === 10 ? 20 : -(((Number(code) * 3 + n) % 9) + 1);
}

export async function fillDemoAttendance(tx: Transaction, now: string): Promise<void> {
  const offset = now.slice(-6);
  const today = shopDay(now);
  const from = addDays(today, -30);
  const roster = rosterStore(tx);
  const people = await staffStore(tx).list();
  // The demo roster starts two weeks back; before that the same fortnight repeats, so a month has shifts.
  const planned = await roster.between(from, addDays(today, 28));
  const firstPlanned = planned.map((s) => s.date).sort()[0] ?? today;
  for (const s of planned) {
    for (let back = 14; addDays(s.date, -back) >= from; back += 14) {
      const date = addDays(s.date, -back);
      if (date < firstPlanned) await roster.assign(s.staffId, date, s.templateId, null, now);
    }
  }
  const shifts = await roster.between(from, today);
  const clocks = clockStore(tx);
  const byCode = new Map(people.map((p) => [p.code, p]));
  const codeOf = new Map(people.map((p) => [p.id, p.code]));
  const absent = { code: '03', n: 9 };
  const onLeave = { code: '07', days: [addDays(today, -6), addDays(today, -5)] };
  for (const shift of shifts) {
    const code = codeOf.get(shift.staffId);
    if (!code) continue;
    const n = daysBetween(from, shift.date).length;
    if ((code === absent.code && n === absent.n) || (code === onLeave.code && onLeave.days.includes(shift.date))) continue;
    const start = Date.parse(shift.startsAt);
    const end = Date.parse(shift.endsAt);
    const inAt = start + arrival(code, n) * MINUTE;
    if (inAt > Date.parse(now)) continue;
    await clocks.add({ staffId: shift.staffId, at: inOffset(inAt, offset), source: 'import' }, null, now);
    const outAt = end - departure(code, n) * MINUTE;
    if (outAt <= Date.parse(now)) await clocks.add({ staffId: shift.staffId, at: inOffset(outAt, offset), source: 'import' }, null, now);
  }

  // A clock the time clock got wrong, put right by the lead with the reason.
  const zhou = byCode.get('06');
  if (zhou) {
    const day = shifts.find((s) => s.staffId === zhou.id && s.date === addDays(today, -3));
    const rows = day ? await clocks.between([zhou.id], `${day.date}T00:00:00.000${offset}`, `${day.date}T12:00:00.000${offset}`) : [];
    if (rows[0]) {
      await tx.run("UPDATE staff_rules_clock_rows SET at = ?, original_at = ?, corrected_at = ?, corrected_by = NULL, correction_reason = ? WHERE id = ?", [
        inOffset(Date.parse(day!.startsAt) - 5 * MINUTE, offset), inOffset(Date.parse(day!.startsAt) + 25 * MINUTE, offset), now, '考勤机卡纸，陈静看到他 8:25 到岗', rows[0].id,
      ]);
    }
  }

  const leave = leaveStore(tx);
  const wu = byCode.get('07');
  const sun = byCode.get('05');
  const zhao = byCode.get('03');
  if (wu) {
    const approved = await leave.request({ staffId: wu.id, kind: 'sick', from: onLeave.days[0]!, to: onLeave.days[1]!, reason: '发烧，医院开了两天病假条' }, wu.id, now);
    await tx.run("UPDATE staff_rules_leave SET state = 'approved', decision_note = ?, decided_at = ? WHERE id = ?", ['同意，好好休息', now, approved.id]);
  }
  if (sun) await leave.request({ staffId: sun.id, kind: 'personal', from: addDays(today, 3), to: addDays(today, 3), reason: '孩子学校开家长会' }, sun.id, now);
  if (zhao) {
    const refused = await leave.request({ staffId: zhao.id, kind: 'personal', from: addDays(today, 5), to: addDays(today, 6), reason: '朋友结婚' }, zhao.id, now);
    await tx.run("UPDATE staff_rules_leave SET state = 'refused', decision_note = ?, decided_at = ? WHERE id = ?", ['大促前一周不能连休两天，请改一天', now, refused.id]);
  }
}
