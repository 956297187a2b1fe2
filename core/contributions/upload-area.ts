import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BusyError, type PayloadTooLargeError } from '../errors.js';
import { receiveMultipart, type ReceivedFile } from '../http/multipart-to-files.js';

/** Seconds a refused upload is told to wait: an import of a large file takes about that long. */
export const UPLOAD_RETRY_AFTER_SECONDS = 10;

/**
 * One upload holding a slot: its files on disk until `release`, which removes them and frees the
 * slot. Whoever receives it releases it once done with the files (an importer, when its run ends).
 */
export interface Upload {
  files: ReceivedFile[];
  release(): Promise<void>;
}

/**
 * Where uploads wait on disk, `<dataDir>/tmp/uploads/<one folder per upload>`, and how many may
 * be under way at once: `slots`, counted from the first byte received until the upload is
 * released. One more is refused at once (503 with Retry-After) before its body is read.
 */
export class UploadArea {
  private inUse = 0;

  constructor(
    readonly dir: string,
    readonly slots: number,
  ) {}

  /** Removes what an earlier run left behind (a crash, a kill), then makes the folder. */
  async sweep(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  /** Takes a slot and streams the request's files into a folder of their own. */
  async receive(request: Request, limit: number, tooLarge: () => PayloadTooLargeError): Promise<Upload> {
    if (this.inUse >= this.slots) {
      throw new BusyError(
        {
          'zh-CN': `正在同时上传或导入的文件已有 ${this.slots} 个，请等其中一个完成，约 ${UPLOAD_RETRY_AFTER_SECONDS} 秒后再试`,
          en: `${this.slots} uploads or imports are already under way; wait for one to finish and try again in about ${UPLOAD_RETRY_AFTER_SECONDS} s`,
        },
        UPLOAD_RETRY_AFTER_SECONDS,
      );
    }
    this.inUse++;
    const folder = join(this.dir, randomBytes(8).toString('hex'));
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      try {
        await rm(folder, { recursive: true, force: true });
      } finally {
        this.inUse--;
      }
    };
    try {
      await mkdir(folder, { recursive: true });
      return { files: await receiveMultipart(request, folder, limit, tooLarge), release };
    } catch (error) {
      await release();
      throw error;
    }
  }
}
