import type { AttendanceRules } from '../attendance/attendance-rules.js';
import type { DayFacts, PricedAmount } from '../model.js';
import { money, priced } from './explanation.js';
import { dailyPayOf, type MoneySettings } from './money-settings.js';

/** `HH:MM` of an instant written in shop time (`2026-11-03T08:46:00.000+08:00`). */
const clock = (instant: string | null | undefined): string => (instant ? instant.slice(11, 16) : '—');

/**
 * Prices one person's month of classified days: lateness and early leave that attendance marked
 * fineable (past the fine threshold), absence and leave without real need in days of the person's
 * pay. A late or early day below the threshold is kept at 0 分, so the person sees that it was
 * counted and why it cost nothing. The thresholds are attendance's; they only word the sentences.
 *
 * @example priceAttendance(days, { id: 3, code: '3' }, settings, rules) // [{ rule: 'late', amountFen: 500, … }]
 */
export function priceAttendance(days: readonly DayFacts[], person: { id: number; code: string }, settings: MoneySettings, rules: AttendanceRules): PricedAmount[] {
  const out: PricedAmount[] = [];
  const pay = dailyPayOf(person.code, settings);
  const payWhose = { 'zh-CN': pay.own ? '本人日薪' : '默认日薪', en: pay.own ? 'own daily pay' : 'default daily pay' };
  for (const day of days) {
    if (day.staffId !== person.id) continue;
    if ((day.status === 'late' || day.status === 'late-and-early') && day.lateMinutes > 0) out.push(late(day, person.id, settings, rules));
    if ((day.status === 'early-leave' || day.status === 'late-and-early') && day.earlyMinutes > 0) out.push(early(day, person.id, settings, rules));
    if (day.status === 'absent') {
      const fen = settings.absenceDaysPay * pay.fen;
      out.push(priced({ staffId: person.id, rule: 'absence', date: day.date, amountFen: fen }, {
        facts: { date: day.date, shiftStart: clock(day.shift?.startsAt), clockIn: false, leave: false },
        thresholds: { daysPay: settings.absenceDaysPay, dailyPayFen: pay.fen },
        arithmetic: `${settings.absenceDaysPay} × ${money(pay.fen)} = ${money(fen)}`,
        text: {
          'zh-CN': `${day.date} 排了班（${clock(day.shift?.startsAt)} 上班），没有打卡也没有批准的请假，按旷工计：扣 ${settings.absenceDaysPay} 天${payWhose['zh-CN']}，${settings.absenceDaysPay} × ${money(pay.fen)} = ${money(fen)}。`,
          en: `${day.date}: rostered (starting ${clock(day.shift?.startsAt)}), no clock-in and no approved leave, so it counts as absence: ${settings.absenceDaysPay} days of ${payWhose.en}, ${settings.absenceDaysPay} × ${money(pay.fen)} = ${money(fen)}.`,
        },
      }));
    }
    if (day.status === 'leave' && day.leave?.withoutNeed) {
      const fen = settings.leaveWithoutNeedDaysPay * pay.fen;
      out.push(priced({ staffId: person.id, rule: 'leave-without-need', date: day.date, amountFen: fen }, {
        facts: { date: day.date, leaveId: day.leave.id, leaveKind: day.leave.kind },
        thresholds: { daysPay: settings.leaveWithoutNeedDaysPay, dailyPayFen: pay.fen },
        arithmetic: `${settings.leaveWithoutNeedDaysPay} × ${money(pay.fen)} = ${money(fen)}`,
        text: {
          'zh-CN': `${day.date} 请假（${day.leave.kind}），主管批准时注明并无正当需要：扣 ${settings.leaveWithoutNeedDaysPay} 天${payWhose['zh-CN']}，${settings.leaveWithoutNeedDaysPay} × ${money(pay.fen)} = ${money(fen)}。`,
          en: `${day.date}: on leave (${day.leave.kind}) that the supervisor approved as without real need: ${settings.leaveWithoutNeedDaysPay} days of ${payWhose.en}, ${settings.leaveWithoutNeedDaysPay} × ${money(pay.fen)} = ${money(fen)}.`,
        },
      }));
    }
  }
  return out;
}

/** Lateness and early leave are mirrored: one wording, the clock-in or the clock-out. */
function late(day: DayFacts, staffId: number, settings: MoneySettings, rules: AttendanceRules): PricedAmount {
  return banded(day, staffId, rules, { rule: 'late', fen: settings.lateFineFen, minutes: day.lateMinutes, band: day.lateBand, fined: day.lateFineable });
}

function early(day: DayFacts, staffId: number, settings: MoneySettings, rules: AttendanceRules): PricedAmount {
  return banded(day, staffId, rules, { rule: 'early-leave', fen: settings.earlyLeaveFineFen, minutes: day.earlyMinutes, band: day.earlyBand, fined: day.earlyFineable });
}

function banded(
  day: DayFacts,
  staffId: number,
  rules: AttendanceRules,
  the: { rule: 'late' | 'early-leave'; fen: number; minutes: number; band: DayFacts['lateBand']; fined: boolean },
): PricedAmount {
  const isLate = the.rule === 'late';
  const fen = the.fined ? the.fen : 0;
  const planned = clock(isLate ? day.shift?.startsAt : day.shift?.endsAt);
  const clocked = clock(isLate ? day.clockIn : day.clockOut);
  const over = rules.lateFineOverMinutes;
  const zh = isLate ? { planned: '上班', clocked: '打卡', what: '迟到' } : { planned: '下班', clocked: '打卡离开', what: '早退' };
  const en = isLate ? { planned: 'shift started', clocked: 'clocked in', what: 'late', counted: 'late' } : { planned: 'shift ended', clocked: 'clocked out', what: 'early', counted: 'leaving early' };
  const head = { 'zh-CN': `${day.date} ${planned} ${zh.planned}，${clocked} ${zh.clocked}，${zh.what} ${the.minutes} 分钟`, en: `${day.date}: ${en.planned} ${planned}, ${en.clocked} ${clocked}, ${the.minutes} minutes ${en.what}` };
  const tail = the.fined
    ? { 'zh-CN': `，超过 ${over} 分钟：罚 ${money(fen)}。`, en: `, more than ${over}: fined ${money(fen)}.` }
    : the.band === 'grace'
      ? { 'zh-CN': `：在 ${rules.lateGraceMinutes} 分钟宽限内，记一次${zh.what}，不罚款。`, en: `: within the ${rules.lateGraceMinutes}-minute grace, counted as ${en.counted}, no fine.` }
      : { 'zh-CN': `：记一次${zh.what}，未超过 ${over} 分钟，不罚款。`, en: `: counted as ${en.counted}, not more than ${over} minutes, so no fine.` };
  return priced({ staffId, rule: the.rule, date: day.date, amountFen: fen }, {
    facts: isLate
      ? { date: day.date, shiftStart: planned, clockIn: clocked, lateMinutes: the.minutes, band: the.band }
      : { date: day.date, shiftEnd: planned, clockOut: clocked, earlyMinutes: the.minutes, band: the.band },
    thresholds: { graceMinutes: rules.lateGraceMinutes, fineOverMinutes: over, fineFen: the.fen },
    arithmetic: the.fined ? `1 × ${money(the.fen)} = ${money(fen)}` : `${the.minutes} ≤ ${over} → ${money(0)}`,
    text: { 'zh-CN': head['zh-CN'] + tail['zh-CN'], en: head.en + tail.en },
  });
}
