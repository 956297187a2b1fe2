// Calendar days as the roster counts them: `YYYY-MM-DD`, weeks from Monday.
const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export const WEEKDAYS = [
  { 'zh-CN': '周一', en: 'Mon' }, { 'zh-CN': '周二', en: 'Tue' }, { 'zh-CN': '周三', en: 'Wed' }, { 'zh-CN': '周四', en: 'Thu' },
  { 'zh-CN': '周五', en: 'Fri' }, { 'zh-CN': '周六', en: 'Sat' }, { 'zh-CN': '周日', en: 'Sun' },
] as const;
