import type { Database } from '../db/database.js';
import type { CsvColumnMapping, CsvUnmappedColumn } from '../csv/read.js';
import type { UnmappedFile } from '../csv/columns-unmapped.js';

/** A saved answer, as the importer's settings list it. */
export interface ImportMapping {
  layout: string;
  /** The header cells the mapping matches (cleaned). */
  header: string[];
  columns: Record<string, string | null>;
  /** The fields the import asked about, with their labels. */
  fields: CsvUnmappedColumn[];
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

interface MappingRow {
  layout: string;
  header: string;
  fields: string;
  columns: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

// Headers asked about recently, by importer and layout: what an answer is checked against (the
// fields the importer declared, and the file's cells). Bounded; an answer to one forgotten asks
// for the file to be uploaded again.
const PENDING_KEPT = 200;

/**
 * The clerks' column mappings in `core_import_mappings`, by importer (`<plugin>/<importer>`) and
 * layout key, and the headers imports asked about since the start.
 */
export class ImportMappings {
  private readonly pending = new Map<string, UnmappedFile>();

  constructor(
    private readonly db: Database,
    private readonly now: () => string,
  ) {}

  /** Every mapping of an importer by layout key, read once when an import starts. */
  async forImporter(importer: string): Promise<Map<string, CsvColumnMapping>> {
    const rows = await this.db.read((q) => q.all<{ layout: string; columns: string }>('SELECT layout_key AS layout, mapping_json AS columns FROM core_import_mappings WHERE importer_id = ?', [importer]));
    return new Map(rows.map((r) => [r.layout, JSON.parse(r.columns) as CsvColumnMapping]));
  }

  /** An importer's mappings, newest first; with `layout`, that one alone. */
  async list(importer: string, layout?: string): Promise<ImportMapping[]> {
    const rows = await this.db.read((q) =>
      q.all<MappingRow>(
        `SELECT m.layout_key AS layout, m.header_json AS header, m.fields_json AS fields, m.mapping_json AS columns, m.created_by AS createdBy, u.display_name AS createdByName, m.created_at AS createdAt
         FROM core_import_mappings m LEFT JOIN core_users u ON u.id = m.created_by WHERE m.importer_id = ? ${layout === undefined ? '' : 'AND m.layout_key = ?'} ORDER BY m.created_at DESC, m.layout_key`,
        layout === undefined ? [importer] : [importer, layout],
      ),
    );
    return rows.map((r) => ({ ...r, header: JSON.parse(r.header) as string[], fields: JSON.parse(r.fields) as CsvUnmappedColumn[], columns: JSON.parse(r.columns) as Record<string, string | null> }));
  }

  async save(importer: string, question: UnmappedFile, columns: Record<string, string | null>, by: number): Promise<ImportMapping> {
    await this.db.transaction((tx) =>
      tx.run(
        `INSERT INTO core_import_mappings (importer_id, layout_key, header_json, fields_json, mapping_json, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (importer_id, layout_key) DO UPDATE SET header_json = excluded.header_json, fields_json = excluded.fields_json, mapping_json = excluded.mapping_json,
           created_by = excluded.created_by, created_at = excluded.created_at`,
        [importer, question.layout, JSON.stringify(question.header), JSON.stringify(question.fields), JSON.stringify(columns), by, this.now()],
      ),
    );
    return (await this.list(importer, question.layout))[0]!;
  }

  /** True when there was such a mapping. */
  async remove(importer: string, layout: string): Promise<boolean> {
    const { changes } = await this.db.transaction((tx) => tx.run('DELETE FROM core_import_mappings WHERE importer_id = ? AND layout_key = ?', [importer, layout]));
    return changes > 0;
  }

  /** Remembers a header an import asked about, for checking the answer. */
  asked(importer: string, file: UnmappedFile): void {
    const key = `${importer}\u0000${file.layout}`;
    this.pending.delete(key);
    this.pending.set(key, file);
    if (this.pending.size > PENDING_KEPT) this.pending.delete(this.pending.keys().next().value!);
  }

  /** The header an import asked about under this layout, if still remembered. */
  question(importer: string, layout: string): UnmappedFile | undefined {
    return this.pending.get(`${importer}\u0000${layout}`);
  }
}
