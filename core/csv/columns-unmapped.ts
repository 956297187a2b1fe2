import { InputError } from '../errors.js';
import type { CsvHeader, CsvUnmappedColumn } from './read.js';

/** One file of an upload whose header lacks columns, as the import dialog shows it. */
export interface UnmappedFile {
  file: string;
  /** The layout key the answer is saved under. */
  layout: string;
  /** The file's header cells, cleaned: the choices for each field. */
  header: string[];
  fields: CsvUnmappedColumn[];
}

/**
 * Ends an import whose files lack required columns, before anything is written, with a problem
 * of `kind: 'columns-unmapped'` that lists each such file's header and missing fields, so the
 * import dialog asks which column holds each field and saves the answer for that layout.
 * `ImportRequest.readHeader` throws it for one file; an import of several files may collect their
 * headers and throw one for all, so the clerk answers once.
 *
 * @example
 * const asking = [orders, items].filter((f) => f.header.asks);
 * if (asking.length) throw new ColumnsUnmappedError(asking);
 */
export class ColumnsUnmappedError extends InputError {
  constructor(files: readonly { file: string; header: CsvHeader<string> }[]) {
    const missing = files.flatMap((f) => f.header.unmapped.filter((u) => u.required).map((u) => `${u.header}（${f.file}）`));
    const missingEn = files.flatMap((f) => f.header.unmapped.filter((u) => u.required).map((u) => `“${u.header}” (${f.file})`));
    super(
      {
        'zh-CN': `表头里找不到这些列：${missing.join('、')}。请指出文件里哪一列是它们，以后同样表头的文件会照此导入`,
        en: `The header has no column for ${missingEn.join(', ')}. Say which column of the file holds each; later files with the same header are read the same way`,
      },
      {
        details: {
          kind: 'columns-unmapped',
          files: files.map((f): UnmappedFile => ({ file: f.file, layout: f.header.layout, header: f.header.cells, fields: f.header.unmapped })),
        },
      },
    );
  }
}
