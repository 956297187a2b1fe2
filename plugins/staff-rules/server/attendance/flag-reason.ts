import type { LocalizedText } from '@workbench/plugin-api';
import type { AttendanceFlag } from '../model.js';

const ZH_WHAT: Record<AttendanceFlag['kind'], string> = { lates: '迟到', 'early-leaves': '早退', absences: '旷工', leaves: '请假' };
const EN_WHAT: Record<AttendanceFlag['kind'], string> = { lates: 'lates', 'early-leaves': 'early leaves', absences: "days' absence", leaves: 'leaves' };

/** Why the owner is asked: the count, the days, the figure it went past, and that the owner decides. */
export function flagReason(flag: AttendanceFlag): LocalizedText {
  const days = flag.dates.map((d) => d.slice(5)).join('、');
  const enDays = flag.dates.map((d) => d.slice(5)).join(', ');
  const reached = flag.kind === 'absences';
  return {
    'zh-CN': `${flag.month} ${ZH_WHAT[flag.kind]} ${flag.count} ${flag.kind === 'absences' ? '天' : '次'}（${days}），${reached ? '达到' : '超过'}规定的 ${flag.threshold} ${flag.kind === 'absences' ? '天' : '次'}：按店规可视为自动离职，由店长决定`,
    en: `${flag.count} ${EN_WHAT[flag.kind]} in ${flag.month} (${enDays}), ${reached ? 'reaching' : 'more than'} the ${flag.threshold} the rules allow: the shop's rules treat this as leaving (自动离职); the owner decides`,
  };
}
