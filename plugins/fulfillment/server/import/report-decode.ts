import iconv from 'iconv-lite';

/** The text of an uploaded report and the encoding it was read as. */
export interface DecodedReport {
  text: string;
  encoding: 'utf-8' | 'gbk';
}

/**
 * Reads report bytes: UTF-8 (with or without a BOM) when they are valid UTF-8, otherwise GBK —
 * what the seller centre exports and Excel on a Chinese PC saves. GB18030, GBK's superset, is
 * used to decode, so the rare characters some names carry still read correctly.
 */
export function decodeReport(bytes: Uint8Array): DecodedReport {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'gb18030'), encoding: 'gbk' };
  }
}
