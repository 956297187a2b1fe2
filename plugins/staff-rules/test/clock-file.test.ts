import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { clockTime, readClockFile, type StaffByCode } from '../server/attendance/clock-file.js';

const STAFF: StaffByCode = new Map([
  ['1', { id: 11, leftOn: null }],
  ['0012', { id: 12, leftOn: '2026-11-05' }],
]);
const utf8 = (text: string) => new TextEncoder().encode(text);
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

test('the times time clocks write are read in shop time', () => {
  expect(clockTime('2026-11-03 08:34', '', '+08:00')).toBe('2026-11-03T08:34:00.000+08:00');
  expect(clockTime('2026/11/3 8:34:05', '', '+08:00')).toBe('2026-11-03T08:34:05.000+08:00');
  expect(clockTime('2026-11-03T00:34:00Z', '', '+08:00')).toBe('2026-11-03T08:34:00.000+08:00');
  expect(clockTime('8:34', '2026年11月3日', '+08:00')).toBe('2026-11-03T08:34:00.000+08:00');
  expect(clockTime('2026-02-30 08:00', '', '+08:00')).toBeUndefined();
  expect(clockTime('8点半', '', '+08:00')).toBeUndefined();
});

test('a GBK file with its own headers and Excel-kept numbers is read row by row', () => {
  const file = gbk(['考勤号码,日期,打卡时间', '="0012",2026/11/3,8:29', '1,2026-11-03,17:31', ',,'].join('\r\n'));
  expect(readClockFile(file, STAFF, '+08:00')).toEqual({
    rows: [
      { staffId: 12, at: '2026-11-03T08:29:00.000+08:00', row: 2 },
      { staffId: 11, at: '2026-11-03T17:31:00.000+08:00', row: 3 },
    ],
    problems: [],
  });
});

test('each bad row is named with its column and reason', () => {
  const file = utf8(['工号,时间', '7,2026-11-03 08:30', '1,昨天早上', '0012,2026-11-06 08:30', ',2026-11-03 08:30', '1,2026-11-03 08:31'].join('\n'));
  const { rows, problems } = readClockFile(file, STAFF, '+08:00');
  expect(rows).toEqual([{ staffId: 11, at: '2026-11-03T08:31:00.000+08:00', row: 6 }]);
  expect(problems.map((p) => [p.row, p.column, (p.reason as { en: string }).en])).toEqual([
    [2, '工号', 'No staff member has the number 7; add them to the staff list first'],
    [3, '时间', '“昨天早上” is not a clock time; write it like 2026-11-03 08:30'],
    [4, '时间', 'Staff number 0012 left on 2026-11-05 and cannot clock after that'],
    [5, '工号', 'The staff number is empty'],
  ]);
});

test('a file without a 工号 column is refused on its header', () => {
  const { rows, problems } = readClockFile(utf8('姓名,时间\n小王,2026-11-03 08:30'), STAFF, '+08:00');
  expect(rows).toEqual([]);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ row: 1 });
});
