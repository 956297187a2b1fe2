import type { PluginContext, Transaction } from '@workbench/plugin-api';
import type { Department } from '../model.js';
import { rosterStore } from '../roster/roster-store.js';
import { addDays, daysBetween, shopDay, weekStart } from '../roster/shift-times.js';
import { staffStore } from '../staff/staff-store.js';

interface DemoPerson {
  code: string;
  name: string;
  department: Department;
  position: string;
  hiredOn: string;
  phone: string;
  /** Weekday of the day off, 0 = Monday; staggered so a post is rarely left empty. */
  offDay: number;
  /** Which shifts the person works: `day` only, or turns of day and night by week (`turns`, starting on nights when `nightFirst`). */
  pattern: 'day' | 'turns';
  nightFirst?: boolean;
}

/** Eight people of a small clothing shop; the 工号 are the numbers CS write in remarks. */
export const DEMO_STAFF: readonly DemoPerson[] = [
  { code: '01', name: '陈静', department: 'cs-presale', position: '售前组长', hiredOn: '2023-03-01', phone: '13800010001', offDay: 0, pattern: 'turns' },
  { code: '02', name: '刘洋', department: 'cs-presale', position: '售前客服', hiredOn: '2024-06-10', phone: '13800010002', offDay: 2, pattern: 'turns', nightFirst: true },
  { code: '03', name: '赵敏', department: 'cs-presale', position: '售前客服', hiredOn: '2025-09-01', phone: '13800010003', offDay: 4, pattern: 'turns', nightFirst: true },
  { code: '05', name: '孙磊', department: 'cs-aftersale', position: '售后客服', hiredOn: '2024-02-20', phone: '13800010005', offDay: 6, pattern: 'day' },
  { code: '06', name: '周强', department: 'warehouse', position: '仓库组长', hiredOn: '2022-11-01', phone: '13800010006', offDay: 1, pattern: 'day' },
  { code: '07', name: '吴芳', department: 'warehouse', position: '打包', hiredOn: '2025-04-15', phone: '13800010007', offDay: 6, pattern: 'day' },
  { code: '08', name: '郑浩', department: 'operations', position: '运营', hiredOn: '2023-07-01', phone: '13800010008', offDay: 5, pattern: 'day' },
  { code: '09', name: '王丽', department: 'design', position: '美工', hiredOn: '2024-09-01', phone: '13800010009', offDay: 6, pattern: 'day' },
];

/** The demo shop: the eight people and four weeks of roster, from two weeks before today. */
export function registerDemoStaff(ctx: PluginContext): void {
  ctx.demo.register((tx, { now }) => fillDemoStaff(tx, now));
}

export async function fillDemoStaff(tx: Transaction, now: string): Promise<void> {
  const staff = staffStore(tx);
  const roster = rosterStore(tx);
  const templates = new Map((await roster.templates()).map((t) => [t.name, t.id]));
  const first = addDays(weekStart(shopDay(now)), -14);
  for (const person of DEMO_STAFF) {
    const member = await staff.add({ code: person.code, name: person.name, department: person.department, position: person.position, hiredOn: person.hiredOn, phone: person.phone }, now);
    for (const [index, date] of daysBetween(first, addDays(first, 27)).entries()) {
      if (index % 7 === person.offDay) continue;
      const week = Math.floor(index / 7);
      const night = person.pattern === 'turns' && (week % 2 === 1) !== (person.nightFirst ?? false);
      // The two on nights the same week split the evening: one from 15:30, one to 01:00.
      const shift = !night ? '白班' : person.code === '01' || person.code === '02' ? '晚班 15:30' : '晚班 17:30';
      await roster.assign(member.id, date, templates.get(shift)!, null, now);
    }
  }
}
