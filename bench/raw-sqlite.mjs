// Raw sqlite3 behind promises, for the benchmarks' baselines and for filling their shops: the
// callback API and nothing else, so a baseline pays no more than SQLite itself.
import sqlite3 from 'sqlite3';

/** Opens `file`, read-write unless `mode` says otherwise (e.g. `sqlite3.OPEN_READONLY`). */
export const open = (file, mode = sqlite3.OPEN_READWRITE) =>
  new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (e) => (e ? reject(e) : resolve(db)));
  });
export const all = (db, sql, params = []) => new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))));
export const get = (db, sql, params = []) => new Promise((resolve, reject) => db.get(sql, params, (e, row) => (e ? reject(e) : resolve(row))));
export const run = (db, sql, params = []) => new Promise((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
export const exec = (db, sql) => new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
export const close = (db) => new Promise((resolve) => db.close(resolve));
