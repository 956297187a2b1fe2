import type { DayFacts, PricedAmount } from '../model.js';
import { money, priced } from './explanation.js';
import { dailyPayOf, type MoneySettings } from './money-settings.js';

/** `HH:MM` of an instant written in shop time (`2026-11-03T08:46:00.000+08:00`). */
const clock = (instant: string | null | undefined): string => (instant ? instant.slice(11, 16) : '—');

/**
 * Prices one person's month of classified days: lateness and early leave beyond their thresholds,
 * absence and leave without real need in days of the person's pay. A late or early day within the
 * threshold is kept at 0 分, so the person sees that it was counted and why it cost nothing.
 *
 * @example priceAttendance(days, { id: 3, code: '3' }, settings) // [{ rule: 'late', amountFen: 500, … }]
 */
export function priceAttendance(days: readonly DayFacts[], person: { id: number; code: string }, settings: MoneySettings): PricedAmount[] {
  const out: PricedAmount[] = [];
  const pay = dailyPayOf(person.code, settings);
  const payWhose = { 'zh-CN': pay.own ? '本人日薪' : '默认日薪', en: pay.own ? 'own daily pay' : 'default daily pay' };
  for (const day of days) {
    if (day.staffId !== person.id) continue;
    if ((day.status === 'late' || day.status === 'late-and-early') && day.lateMinutes > 0) out.push(late(day, person.id, settings));
    if ((day.status === 'early-leave' || day.status === 'late-and-early') && day.earlyMinutes > 0) out.push(early(day, person.id, settings));
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

function late(day: DayFacts, staffId: number, settings: MoneySettings): PricedAmount {
  const fined = day.lateMinutes > settings.lateFineAfterMinutes;
  const fen = fined ? settings.lateFineFen : 0;
  const at = { start: clock(day.shift?.startsAt), clockIn: clock(day.clockIn) };
  return priced({ staffId, rule: 'late', date: day.date, amountFen: fen }, {
    facts: { date: day.date, shiftStart: at.start, clockIn: at.clockIn, lateMinutes: day.lateMinutes },
    thresholds: { fineAfterMinutes: settings.lateFineAfterMinutes, fineFen: settings.lateFineFen },
    arithmetic: fined ? `1 × ${money(settings.lateFineFen)} = ${money(fen)}` : `${day.lateMinutes} ≤ ${settings.lateFineAfterMinutes} → ${money(0)}`,
    text: fined
      ? {
          'zh-CN': `${day.date} ${at.start} 上班，${at.clockIn} 打卡，迟到 ${day.lateMinutes} 分钟，超过 ${settings.lateFineAfterMinutes} 分钟：罚 ${money(fen)}。`,
          en: `${day.date}: shift started ${at.start}, clocked in ${at.clockIn}, ${day.lateMinutes} minutes late, more than ${settings.lateFineAfterMinutes}: fined ${money(fen)}.`,
        }
      : {
          'zh-CN': `${day.date} ${at.start} 上班，${at.clockIn} 打卡，迟到 ${day.lateMinutes} 分钟：记一次迟到，未超过 ${settings.lateFineAfterMinutes} 分钟，不罚款。`,
          en: `${day.date}: shift started ${at.start}, clocked in ${at.clockIn}, ${day.lateMinutes} minutes late: counted as late, not more than ${settings.lateFineAfterMinutes} minutes, so no fine.`,
        },
  });
}

function early(day: DayFacts, staffId: number, settings: MoneySettings): PricedAmount {
  const fined = day.earlyMinutes > settings.earlyLeaveFineAfterMinutes;
  const fen = fined ? settings.earlyLeaveFineFen : 0;
  const at = { end: clock(day.shift?.endsAt), clockOut: clock(day.clockOut) };
  return priced({ staffId, rule: 'early-leave', date: day.date, amountFen: fen }, {
    facts: { date: day.date, shiftEnd: at.end, clockOut: at.clockOut, earlyMinutes: day.earlyMinutes },
    thresholds: { fineAfterMinutes: settings.earlyLeaveFineAfterMinutes, fineFen: settings.earlyLeaveFineFen },
    arithmetic: fined ? `1 × ${money(settings.earlyLeaveFineFen)} = ${money(fen)}` : `${day.earlyMinutes} ≤ ${settings.earlyLeaveFineAfterMinutes} → ${money(0)}`,
    text: fined
      ? {
          'zh-CN': `${day.date} ${at.end} 下班，${at.clockOut} 打卡离开，早退 ${day.earlyMinutes} 分钟，超过 ${settings.earlyLeaveFineAfterMinutes} 分钟：罚 ${money(fen)}。`,
          en: `${day.date}: shift ended ${at.end}, clocked out ${at.clockOut}, ${day.earlyMinutes} minutes early, more than ${settings.earlyLeaveFineAfterMinutes}: fined ${money(fen)}.`,
        }
      : {
          'zh-CN': `${day.date} ${at.end} 下班，${at.clockOut} 打卡离开，早退 ${day.earlyMinutes} 分钟：记一次早退，未超过 ${settings.earlyLeaveFineAfterMinutes} 分钟，不罚款。`,
          en: `${day.date}: shift ended ${at.end}, clocked out ${at.clockOut}, ${day.earlyMinutes} minutes early: counted as leaving early, not more than ${settings.earlyLeaveFineAfterMinutes} minutes, so no fine.`,
        },
  });
}
