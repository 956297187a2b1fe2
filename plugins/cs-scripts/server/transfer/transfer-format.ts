import { csvText, readCsv } from '@workbench/plugin-api';
import { STAGE_NAMES, STAGES, type Phrase, type Stage } from '../../shared/phrase-types.js';

/** One phrase as read from a file, before it is checked against the library. */
export interface ImportRow {
  /** Excel's row, or the line of a text file. */
  row: number;
  group: string;
  shortcut: string;
  text: string;
}

export interface RowProblem {
  row: number;
  message: { 'zh-CN': string; en: string };
}

const HEADERS = {
  group: ['分组', '分组名称', 'group'],
  shortcut: ['快捷码', '快捷编码', '快捷短语编码', 'shortcut'],
  text: ['内容', '短语', '短语内容', 'text'],
};

/** 售中/物流: the stage by its Chinese name, then the group, so a file can name a new group's stage. */
export const groupPath = (p: Pick<Phrase, 'stage' | 'groupName'>) => `${STAGE_NAMES[p.stage]['zh-CN']}/${p.groupName}`;

export function splitGroupPath(path: string): { stage?: Stage; name: string } {
  const m = /^(售前|售中|售后)\s*[/／]\s*(.+)$/u.exec(path.trim());
  if (!m) return { name: path.trim() };
  return { stage: STAGES.find((s) => STAGE_NAMES[s]['zh-CN'] === m[1]), name: (m[2] ?? '').trim() };
}

/** A CSV with the columns 分组, 快捷码, 内容 (in any order; other columns ignored). */
export function readCsvRows(text: string): { rows: ImportRow[]; problems: RowProblem[] } {
  const { records, problems } = readCsv(text);
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const at = (names: string[]) => header.findIndex((h) => names.includes(h));
  const col = { group: at(HEADERS.group), shortcut: at(HEADERS.shortcut), text: at(HEADERS.text) };
  if (col.group < 0 || col.text < 0) {
    return { rows: [], problems: [{ row: 1, message: { 'zh-CN': '第一行要有「分组」和「内容」两列（「快捷码」可选）', en: 'The first row needs the columns 分组 and 内容 (快捷码 optional)' } }] };
  }
  const rows = records.slice(1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((r) => ({ row: r.row, group: r.cells[col.group] ?? '', shortcut: col.shortcut >= 0 ? r.cells[col.shortcut] ?? '' : '', text: r.cells[col.text] ?? '' }));
  return { rows, problems: problems.map((p) => ({ row: p.row, message: typeof p.reason === 'string' ? { 'zh-CN': p.reason, en: p.reason } : { 'zh-CN': p.reason['zh-CN'], en: p.reason.en ?? p.reason['zh-CN'] } })) };
}

/**
 * 千牛's plain-text list: a line `【分组】` starts a group, then one phrase a line, optionally led by
 * its shortcut as `/ship `. Blank lines are skipped.
 */
export function readQianniuRows(text: string): { rows: ImportRow[]; problems: RowProblem[] } {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  let group = '';
  text.replace(/^\uFEFF/u, '').split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const heading = /^[【[](.+)[】\]]$/u.exec(line);
    if (heading) {
      group = (heading[1] ?? '').trim();
      return;
    }
    if (group === '') {
      problems.push({ row: i + 1, message: { 'zh-CN': '短语前面要先有一行【分组】', en: 'A 【group】 line must come before the phrases' } });
      return;
    }
    const coded = /^\/(\S+)\s+(.+)$/u.exec(line);
    rows.push({ row: i + 1, group, shortcut: coded?.[1] ?? '', text: coded ? coded[2] ?? '' : line });
  });
  return { rows, problems };
}

export function csvOf(phrases: Phrase[]): string {
  return csvText([['分组', '快捷码', '内容'], ...phrases.map((p) => [groupPath(p), p.shortcut ?? '', p.text])]);
}

export function qianniuOf(phrases: Phrase[]): string {
  const lines: string[] = [];
  let group = '';
  for (const p of phrases) {
    if (groupPath(p) !== group) {
      group = groupPath(p);
      lines.push(`${lines.length > 0 ? '\r\n' : ''}【${group}】`);
    }
    // One phrase a line in this form: line breaks inside a phrase become spaces.
    lines.push(`${p.shortcut ? `/${p.shortcut} ` : ''}${p.text.replace(/\s*\r?\n\s*/gu, ' ')}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
