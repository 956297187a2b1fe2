import { describe, expect, it } from 'vitest';
import { Connection } from '../db/sqlite.js';
import { ConflictError } from '../errors.js';
import { createLogger, type LogLevel } from '../log/logger.js';
import { problemFromError } from './problem.js';

const lines: Array<{ level: LogLevel; line: string }> = [];
const log = createLogger({ level: 'debug', now: () => 'now', write: (level, line) => lines.push({ level, line }) });

/** The error a real SQLite statement raises, so the mapping is tested against the driver's own wording. */
async function refusal(sql: string): Promise<unknown> {
  const db = await Connection.open(':memory:');
  try {
    await db.exec(`PRAGMA foreign_keys = ON;
      CREATE TABLE shelf (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, slots INTEGER CHECK (slots > 0));
      CREATE TABLE item (id INTEGER PRIMARY KEY, shelf_id INTEGER NOT NULL REFERENCES shelf(id));
      INSERT INTO shelf (id, code, slots) VALUES (1, 'A-01', 4);
      INSERT INTO item (shelf_id) VALUES (1);`);
    await db.exec(sql);
  } catch (error) {
    return error;
  } finally {
    await db.close();
  }
  throw new Error(`expected SQLite to refuse: ${sql}`);
}

describe('problemFromError and database constraints', () => {
  it('a duplicate key is a 409 saying the same record exists', async () => {
    const p = problemFromError(await refusal("INSERT INTO shelf (code, slots) VALUES ('A-01', 2)"), 'zh-CN', log);
    expect(p).toMatchObject({ status: 409, detail: '已经有相同的记录了' });
  });

  it('deleting a record others still use is a 409 that says so', async () => {
    const p = problemFromError(await refusal('DELETE FROM shelf WHERE id = 1'), 'en', log);
    expect(p.status).toBe(409);
    expect(p.detail).toMatch(/still use this one/);
  });

  it('a missing required value or a value a CHECK refuses is a 400, logged as a warning for the plugin author', async () => {
    lines.length = 0;
    const missing = problemFromError(await refusal('INSERT INTO shelf (code) VALUES (NULL)'), 'zh-CN', log);
    expect(missing).toMatchObject({ status: 400, detail: '缺少必填的内容' });
    const refused = problemFromError(await refusal("INSERT INTO shelf (code, slots) VALUES ('B-01', 0)"), 'en', log);
    expect(refused).toMatchObject({ status: 400, detail: 'A value is not allowed' });
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(2);
  });

  it('typed errors keep their own status and message; anything else is a 500 that leaks nothing', () => {
    const conflict = problemFromError(new ConflictError({ 'zh-CN': '订单已发货，不能再改', en: 'Already shipped' }), 'zh-CN', log);
    expect(conflict).toMatchObject({ status: 409, detail: '订单已发货，不能再改', type: 'https://workbench.local/problems/conflict' });

    lines.length = 0;
    const crash = problemFromError(new TypeError('secret internals at /home/shop'), 'en', log);
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash)).not.toContain('secret');
    expect(lines.some((l) => l.level === 'error' && l.line.includes('secret internals'))).toBe(true);
  });
});
