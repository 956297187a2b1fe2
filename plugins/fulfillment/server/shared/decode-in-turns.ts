import iconv from 'iconv-lite';
import type { Turns } from '@workbench/plugin-api';

// A millisecond or two of GBK decoding: many pieces fit a slice, none outlasts one.
const PIECE_BYTES = 32 * 1024;
// iconv-lite builds its GB18030 tables on first use, some 40 ms in one block: done as the plugin
// loads, not in the middle of the first import.
iconv.getCodec('gb18030');

/**
 * Uploaded CSV bytes as text by the importers' one rule (report-decode.ts, csv-cells.ts): UTF-8,
 * with or without a BOM, when the bytes are valid UTF-8, else GBK read as GB18030 — but decoded a
 * piece at a time with the streaming decoders, pausing between pieces, so a file of many
 * megabytes never holds the event loop. The text is exactly what the one-call decoders answer.
 */
export async function decodeInTurns(bytes: Uint8Array, turns: Turns): Promise<{ text: string; encoding: 'utf-8' | 'gbk' }> {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
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
  const gbk = iconv.getDecoder('gb18030');
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  for (let at = 0; at < buffer.length; at += PIECE_BYTES) {
    pieces.push(gbk.write(buffer.subarray(at, at + PIECE_BYTES)));
    await turns.pause();
  }
  pieces.push(gbk.end() ?? '');
  return { text: pieces.join(''), encoding: 'gbk' };
}
