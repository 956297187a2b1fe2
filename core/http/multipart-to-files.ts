import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, PayloadTooLargeError } from '../errors.js';

/** One file of a multipart upload, written to disk. */
export interface ReceivedFile {
  /** The form field it came in (`file` for importers). */
  field: string;
  name: string;
  type: string;
  path: string;
  size: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** The headers of one part (disposition, type) are a few hundred bytes; more is not a form. */
const MAX_PART_HEADER_BYTES = 16 * 1024;

/**
 * Reads a `multipart/form-data` body as it arrives and writes each file part to its own file in
 * `dir`, so an upload never sits in memory whole: at most one chunk of the request and a few
 * bytes of look-behind. Each chunk is on disk before the next is read, which lets the socket's
 * own flow control slow a fast sender. Parts without a file name (plain fields) are read past.
 * More than `limit` bytes in all is a 413 as soon as it is passed; anything that is not a
 * well-formed form is a 400. On failure the files written so far are removed.
 */
export async function receiveMultipart(request: Request, dir: string, limit: number, tooLarge: () => PayloadTooLargeError): Promise<ReceivedFile[]> {
  const boundary = boundaryOf(request.headers.get('content-type') ?? '');
  if (!boundary) throw notAForm();
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw tooLarge();
  const files: ReceivedFile[] = [];
  const parser = new PartParser(Buffer.from(`\r\n--${boundary}`), dir, files);
  const reader = request.body?.getReader();
  try {
    if (!reader) throw notAForm();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge();
      if (await parser.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) break;
    }
    if (!parser.finished) throw notAForm();
    return files;
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    await parser.abort();
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
    throw error;
  }
}

function notAForm(): InputError {
  return new InputError(
    { 'zh-CN': '上传的内容不是完整的表单（multipart/form-data），请重新选择文件上传', en: 'The upload is not a complete form (multipart/form-data); choose the file and upload it again' },
    { errors: [{ path: '/file', in: 'body', message: 'multipart/form-data' }] },
  );
}

function boundaryOf(contentType: string): string | undefined {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** The state machine over the body: preamble, then per part its headers and its content. */
class PartParser {
  /** Bytes not yet handled: never more than one chunk plus the look-behind. */
  private pending: Buffer = Buffer.from(CRLF);
  private state: 'preamble' | 'after-boundary' | 'headers' | 'content' | 'done' = 'preamble';
  private current: { file?: ReceivedFile; handle?: FileHandle } = {};
  private count = 0;

  constructor(
    /** `\r\n--boundary`: the body is read as if it began with a line break, so the first needs none. */
    private readonly delimiter: Buffer,
    private readonly dir: string,
    private readonly files: ReceivedFile[],
  ) {}

  get finished(): boolean {
    return this.state === 'done';
  }

  /** Takes the next chunk; true once the closing boundary has been read. */
  async push(chunk: Buffer): Promise<boolean> {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.state === 'preamble' || this.state === 'content') {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          // Keep what could be the start of a boundary split across chunks.
          const safe = Math.max(0, this.pending.length - (this.delimiter.length - 1));
          if (this.state === 'content') await this.write(this.pending.subarray(0, safe));
          this.pending = Buffer.from(this.pending.subarray(safe));
          return false;
        }
        if (this.state === 'content') {
          await this.write(this.pending.subarray(0, at));
          await this.closePart();
        }
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = 'after-boundary';
      } else if (this.state === 'after-boundary') {
        if (this.pending.length < 2) return false;
        if (this.pending[0] === 0x2d && this.pending[1] === 0x2d) {
          this.state = 'done';
          this.pending = Buffer.alloc(0);
          return true;
        }
        // Transport padding (spaces, tabs) may follow a boundary before its line break.
        const eol = this.pending.indexOf(CRLF);
        if (eol < 0) {
          if (this.pending.length > 256) throw notAForm();
          return false;
        }
        if (this.pending.subarray(0, eol).some((b) => b !== 0x20 && b !== 0x09)) throw notAForm();
        this.pending = this.pending.subarray(eol + 2);
        this.state = 'headers';
      } else if (this.state === 'headers') {
        const end = this.pending.indexOf(HEADER_END);
        if (end < 0) {
          if (this.pending.length > MAX_PART_HEADER_BYTES) throw notAForm();
          return false;
        }
        await this.openPart(this.pending.subarray(0, end).toString('utf8'));
        this.pending = this.pending.subarray(end + HEADER_END.length);
        this.state = 'content';
      } else {
        return true;
      }
    }
  }

  async abort(): Promise<void> {
    await this.current.handle?.close().catch(() => undefined);
    this.current = {};
  }

  private async openPart(headerText: string): Promise<void> {
    const headers = new Map<string, string>();
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    if (!/^form-data\s*(;|$)/i.test(disposition)) throw notAForm();
    const field = parameter(disposition, 'name');
    const name = parameter(disposition, 'filename');
    if (field === undefined) throw notAForm();
    if (name === undefined) {
      this.current = {};
      return;
    }
    const path = join(this.dir, `part-${this.count++}`);
    const file: ReceivedFile = { field, name: name || 'upload', type: headers.get('content-type') ?? '', path, size: 0 };
    this.files.push(file);
    this.current = { file, handle: await open(path, 'wx') };
  }

  private async write(bytes: Buffer): Promise<void> {
    const { file, handle } = this.current;
    if (!file || !handle || bytes.length === 0) return;
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    file.size += bytes.length;
  }

  private async closePart(): Promise<void> {
    await this.current.handle?.close();
    this.current = {};
  }
}

/**
 * A parameter of a Content-Disposition header. Browsers send file names as raw UTF-8 inside
 * quotes, with `"`, CR and LF percent-escaped (the HTML form encoding); `filename*=UTF-8''…`
 * (RFC 5987) is honoured too.
 */
function parameter(header: string, key: string): string | undefined {
  const extended = new RegExp(`;\\s*${key}\\*=([^']*)'[^']*'([^;]*)`, 'i').exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2]!.trim());
    } catch {
      // not valid percent-encoding: fall back to the plain parameter
    }
  }
  const quoted = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(header);
  if (quoted) return quoted[1]!.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
  const bare = new RegExp(`;\\s*${key}=([^;\\s]*)`, 'i').exec(header);
  return bare?.[1];
}
