// The words the attendance panels share, in both languages side by side.
import type { DayFacts, Leave } from './attendance-types.js';

type T = (zh: string, en: string) => string;

export function statusText(t: T, f: DayFacts): string {
  switch (f.status) {
    case 'on-time':
      return t('正常', 'On time');
    case 'late':
      return f.lateBand === 'grace' ? t(`迟到 ${f.lateMinutes} 分（宽限内）`, `Late ${f.lateMinutes} min (within grace)`) : t(`迟到 ${f.lateMinutes} 分`, `Late ${f.lateMinutes} min`);
    case 'early-leave':
      return t(`早退 ${f.earlyMinutes} 分`, `Left ${f.earlyMinutes} min early`);
    case 'late-and-early':
      return t(`迟到 ${f.lateMinutes} 分、早退 ${f.earlyMinutes} 分`, `Late ${f.lateMinutes} min, left ${f.earlyMinutes} min early`);
    case 'absent':
      return t('旷工', 'Absent');
    case 'leave':
      return f.leave?.unpaid ? t('请假（无薪）', 'On leave (unpaid)') : t('请假', 'On leave');
    case 'rest':
      return t('休息', 'Day off');
    case 'open':
      return f.shift && !f.clockIn ? t('未到', 'Not in yet') : t('进行中', 'Open');
  }
}

/** The badge colour class `panelStyles` knows: pass, warn or fail. */
export function statusClass(f: DayFacts): string {
  if (f.status === 'absent' || f.lateFineable || f.earlyFineable) return 'fail';
  if (f.status === 'late' || f.status === 'early-leave' || f.status === 'late-and-early' || f.status === 'open') return 'warn';
  return 'pass';
}

export function leaveKindText(t: T, kind: Leave['kind']): string {
  return kind === 'sick' ? t('病假', 'Sick leave') : kind === 'special' ? t('特殊事假', 'Special leave') : t('事假', 'Personal leave');
}

export function leaveStateText(t: T, state: Leave['state']): string {
  return state === 'approved' ? t('已批准', 'Approved') : state === 'refused' ? t('已驳回', 'Refused') : t('待审批', 'Waiting');
}
