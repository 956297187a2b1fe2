import iconv from 'iconv-lite';

/** The text of an uploaded CSV and the encoding it was read as. */
export interface DecodedCsv {
  text: string;
  encoding: 'utf-8' | 'gbk';
}

/**
 * Reads CSV bytes: UTF-8 (with or without BOM) when they are valid UTF-8, otherwise GBK — what
 * Excel on a Chinese PC saves. GB18030 is used to decode, being GBK's superset, so the rare
 * characters some systems add still read correctly.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}

/** Text as CSV bytes: UTF-8 with a BOM (so Excel recognises it), or GBK. */
export function encodeCsv(text: string, encoding: 'utf-8' | 'gbk'): Uint8Array<ArrayBuffer> {
  if (encoding === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
}
