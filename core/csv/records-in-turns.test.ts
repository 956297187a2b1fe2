// Read in slices, a file gives exactly what the one-call readers give: the decoded text, the
// records with their rows, and an unclosed quote's problem — across the pieces' boundaries too.
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { Turns } from '../lifecycle/turns.js';
import { decodeCsv, decodeCsvInTurns, encodeCsv } from './decode.js';
import { readCsv, readCsvInTurns } from './records.js';

// Slices of no time at all: every pause yields, so every piece boundary is crossed.
const turns = () => new Turns(0);

/** A report the size of a busy month: plain rows, with a quoted message, a line break or Excel's ="…" here and there. */
function report(rows: number): string {
  const lines = ['订单编号,买家会员名,买家留言,联系电话,总金额'];
  for (let i = 0; i < rows; i++) {
    const message = i % 7 === 3 ? `"第一行\r\n第二行, 还有""引号"""` : i % 11 === 5 ? '5"寸' : i % 13 === 0 ? '' : '尽快发货';
    lines.push(`${4_000_000_000 + i},买家${i},${message},="1380000${String(i % 10_000).padStart(4, '0')}",${(i % 500) + 0.5}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('decodeCsvInTurns', () => {
  const text = report(3_000);

  test('a large file decodes to the same text and encoding from GBK, UTF-8 and UTF-8 with a BOM', async () => {
    for (const bytes of [encodeCsv(text, 'gbk'), new TextEncoder().encode(text), encodeCsv(text, 'utf-8')]) {
      expect(await decodeCsvInTurns(bytes, turns())).toEqual(decodeCsv(bytes));
    }
    expect((await decodeCsvInTurns(encodeCsv(text, 'gbk'), turns())).encoding).toBe('gbk');
  });

  test('a character of four bytes across the boundary of two pieces still reads', async () => {
    const rare = `${'a'.repeat(32 * 1024 - 2)}𠮷,${'b'.repeat(10)}`;
    for (const bytes of [new Uint8Array(iconv.encode(rare, 'gb18030')), encodeCsv(rare, 'utf-8')]) {
      expect(await decodeCsvInTurns(bytes, turns())).toEqual(decodeCsv(bytes));
      expect((await decodeCsvInTurns(bytes, turns())).text).toBe(rare);
    }
  });

  test('GBK is read as iconv-lite reads it, also where GB18030-2022 differs and where bytes are not GB18030', async () => {
    const gbk = (t: string) => iconv.encode(t, 'gb18030');
    const body = gbk(`订单编号,买家${'王店长'.repeat(20_000)},𠮷\r\n`);
    const bytes = (...tail: number[][]) => new Uint8Array(Buffer.concat([body, ...tail.map((b) => Buffer.from(b)), gbk(',尾\r\n')]));
    const cases = [
      bytes(),
      // Codes GB18030-2022 maps to U+FE10–FE19 and U+9FB4–9FBB; iconv-lite gives private-use characters.
      bytes([0xa6, 0xd9], [0xa6, 0xf3], [0xfe, 0x59], [0xfe, 0xa0]),
      // The four-byte sequences of U+FE10 and U+9FB4 themselves.
      bytes([...gbk('\ufe10')], [...gbk('\u9fb4')]),
      // A lead byte without its second byte, a four-byte sequence cut short, bytes GB18030 never uses.
      bytes([0x81, 0x41], [0x81, 0x30, 0x41], [0x80], [0xff], [0xfe]),
    ];
    for (const b of cases) {
      const read = await decodeCsvInTurns(b, turns());
      expect(read).toEqual(decodeCsv(b));
      expect(read.text).toBe(iconv.decode(Buffer.from(b), 'gb18030'));
      expect(read.encoding).toBe('gbk');
    }
  });

  test('an empty file is empty UTF-8 either way', async () => {
    expect(await decodeCsvInTurns(new Uint8Array(), turns())).toEqual(decodeCsv(new Uint8Array()));
  });
});

describe('readCsvInTurns', () => {
  const quoted = report(1_200).trimEnd();
  const plain = Array.from({ length: 1_500 }, (_, i) => `${i},x`);

  test.each([
    ['a large report', report(3_000)],
    ['no final line break', quoted],
    ['a BOM', `\uFEFF${quoted}`],
    ['a quote that never closes after many pieces', `${quoted}\r\n1200,"never closed\r\n1201,x\r\n`],
    ['blank lines between pieces', `${plain.join('\n\n')}\n`],
    // The quick reading takes the line for a whole record; csv-parse reads a quoted field on into the next piece.
    ['a stray quote making a record run over a piece boundary', `${[...plain.slice(0, 999), 'x"y,"q', 'r",z', ...plain.slice(999)].join('\n')}\n`],
    ['a BOM-like character opening a later line', `a,b\n${plain.slice(0, 700).join('\n')}\n\uFEFFc,d\n`],
    ['empty text', ''],
    ['only a line break', '\n'],
    ['one line without a break', 'a,b'],
  ])('%s: the records, rows and problems readCsv gives', async (_name, text) => {
    expect(await readCsvInTurns(text, turns())).toEqual(readCsv(text));
  });

  test('an unclosed quote is one problem at its row, with the rows before it read', async () => {
    const read = await readCsvInTurns(`${plain.join('\n')}\n"open,1\n2,2\n`, turns());
    expect(read.records).toHaveLength(1_500);
    expect(read.problems).toEqual([{ row: 1_501, column: '', reason: expect.objectContaining({ 'zh-CN': expect.stringContaining('引号') }) }]);
  });

  test('random files of quotes, commas and line breaks read as readCsv reads them', async () => {
    const pieces = ['a', '中', ',', ',', '"', '""', '="1"', '\n', '\n', '\r\n', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let n = 0; n < 40; n++) {
      // Mostly plain lines, so that pieces of 500 lines are crossed, and a few odd ones.
      const lines = Array.from({ length: 1_400 }, (_, i) => (next() % 40 === 0 ? Array.from({ length: next() % 8 }, () => pieces[next() % pieces.length]).join('') : `${i},v`));
      const text = lines.join(next() % 2 ? '\n' : '\r\n');
      expect(await readCsvInTurns(text, turns())).toEqual(readCsv(text));
    }
  });

  test('a large file read in turns lets a timer run in between', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await readCsvInTurns(report(3_000), turns());
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
