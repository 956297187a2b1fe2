// What each routine asks for, as data: the skeleton a new meeting note, weekly report or day
// checklist starts from. The keys are stable; the titles are what people read.
import type { LocalizedText } from '@workbench/plugin-api';

export type RoutineKind = 'meeting' | 'weekly-report' | 'day-checklist';

export interface RoutineEntry {
  key: string;
  title: LocalizedText;
  text: string;
  /** Checklist items only: ticked, by whom and when. */
  done: boolean | null;
  doneBy: string | null;
  doneAt: string | null;
}

const entry = (key: string, zh: string, en: string, checklist = false): RoutineEntry =>
  ({ key, title: { 'zh-CN': zh, en }, text: '', done: checklist ? false : null, doneBy: null, doneAt: null });

export function skeleton(kind: RoutineKind): RoutineEntry[] {
  switch (kind) {
    case 'meeting':
      return [
        entry('review', '上周回顾', 'Last week in review'),
        entry('problems', '遇到的问题', 'Problems met'),
        entry('plan', '本周安排', 'This week\'s plan'),
        entry('decisions', '决定事项与负责人', 'Decisions and who owns them'),
      ];
    case 'weekly-report':
      return [
        entry('done', '本周完成', 'Done this week'),
        entry('figures', '本周数据', 'This week\'s figures'),
        entry('problems', '问题与原因', 'Problems and causes'),
        entry('next', '下周计划', 'Next week\'s plan'),
      ];
    case 'day-checklist':
      return [
        entry('morning-sales-stock', '上午：看昨日销售与库存', 'Morning: yesterday\'s sales and stock', true),
        entry('noon-order-stats', '中午：订单统计', 'Noon: order statistics', true),
        entry('afternoon-promotions', '下午：促销活动', 'Afternoon: promotions', true),
        entry('evening-daily-report', '晚上：日报与关键词排名', 'Evening: daily report and keyword ranks', true),
      ];
  }
}

/** The Monday for weekly routines, the day itself for the checklist. */
export function periodOf(kind: RoutineKind, date: string, weekStart: (d: string) => string): string {
  return kind === 'day-checklist' ? date : weekStart(date);
}
