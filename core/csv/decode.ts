import { createRequire } from 'node:module';
import type { Turns } from '../lifecycle/turns.js';

/** How a CSV file is stored: what Excel on a Chinese PC saves (GBK) or UTF-8. */
export type CsvEncoding = 'utf-8' | 'gbk';

/** The text of an uploaded CSV file and the encoding it was read as. */
export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

// A millisecond or two of GBK decoding: many pieces fit a slice, none outlasts one.
const PIECE_BYTES = 32 * 1024;
const NATIVE_PIECE_BYTES = 64 * 1024;
type Iconv = typeof import('iconv-lite');
let loaded: Iconv | undefined;
// iconv-lite loads and builds its GB18030 tables in one block of some 50 ms: not while the server
// starts, but a few seconds after (or at a first call before that), so not in the middle of the
// first import either.
function iconv(): Iconv {
  if (!loaded) {
    loaded = createRequire(import.meta.url)('iconv-lite') as Iconv;
    loaded.getCodec('gb18030');
  }
  return loaded;
}
setTimeout(iconv, 3000).unref();

// Node's own GB18030 decoder (ICU) is two to three times faster than iconv-lite. It follows
// GB18030-2022, which gives 18 codes other characters than iconv-lite's GB18030-2005 does (A6D9–A6DF,
// A6EC, A6ED, A6F3, FE59, FE61, FE66, FE67, FE6D, FE7E, FE90, FEA0 become U+FE10–FE19 and
// U+9FB4–9FBB), and it replaces bytes that are not GB18030 in its own way. Checked against
// iconv-lite over every one-, two- and four-byte sequence, those are the only differences; so text
// holding any of those characters or U+FFFD is decoded again by iconv-lite, and the answer stays
// what iconv-lite gives.
const NATIVE_MAY_DIFFER = /[\ufffd\ufe10-\ufe19\u9fb4-\u9fbb]/;

function nativeGb18030(): TextDecoder | undefined {
  try {
    return new TextDecoder('gb18030');
  } catch {
    // A Node built without full ICU knows no GB18030.
    return undefined;
  }
}

const isBom = (bytes: Uint8Array) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Reads CSV bytes: UTF-8 (with or without a BOM) when they are valid UTF-8, otherwise GBK — what
 * the seller centre exports and Excel on a Chinese PC saves. GB18030, GBK's superset, is used to
 * decode, so the rare characters some names carry still read correctly. A GBK file is never
 * valid UTF-8 once it holds a Chinese character, so the guess does not need the header to tell.
 *
 * @example const { text, encoding } = decodeCsv(file.bytes);
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const body = isBom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv().decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}

/**
 * {@link decodeCsv} for a file of many megabytes in a request's lifetime: the same text and
 * encoding, decoded a piece at a time with the streaming decoders and `await turns.pause()`
 * between pieces, so the server answers others meanwhile.
 *
 * @example const { text, encoding } = await decodeCsvInTurns(file.bytes, turns);
 */
export async function decodeCsvInTurns(bytes: Uint8Array, turns: Turns): Promise<DecodedCsv> {
  const body = isBom(bytes) ? bytes.subarray(3) : bytes;
  const pieces: string[] = [];
  try {
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    for (let at = 0; at < body.length; at += PIECE_BYTES) {
      pieces.push(utf8.decode(body.subarray(at, at + PIECE_BYTES), { stream: true }));
      await turns.pause();
    }
    pieces.push(utf8.decode());
    return { text: pieces.join(''), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: read from the start again as GBK.
  }
  pieces.length = 0;
  const native = nativeGb18030();
  if (native) {
    for (let at = 0; at < body.length; at += NATIVE_PIECE_BYTES) {
      pieces.push(native.decode(body.subarray(at, at + NATIVE_PIECE_BYTES), { stream: true }));
      await turns.pause();
    }
    pieces.push(native.decode());
    const text = pieces.join('');
    if (!NATIVE_MAY_DIFFER.test(text)) return { text, encoding: 'gbk' };
    pieces.length = 0;
  }
  const gbk = iconv().getDecoder('gb18030');
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  for (let at = 0; at < buffer.length; at += PIECE_BYTES) {
    pieces.push(gbk.write(buffer.subarray(at, at + PIECE_BYTES)));
    await turns.pause();
  }
  pieces.push(gbk.end() ?? '');
  return { text: pieces.join(''), encoding: 'gbk' };
}

/**
 * Text as CSV bytes: GBK, or UTF-8 with a BOM — without the BOM Excel reads UTF-8 as the PC's
 * code page and the Chinese comes out garbled.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'gbk') return new Uint8Array(iconv().encode(text, 'gbk'));
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
}
