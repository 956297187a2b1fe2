import { describe, expect, test } from 'vitest';
import { foreignObject, tablePrefix } from './table-prefix.js';

describe('tablePrefix', () => {
  test('is the plugin id with dashes as underscores, then an underscore', () => {
    expect(tablePrefix('listings')).toBe('listings_');
    expect(tablePrefix('after-sales')).toBe('after_sales_');
    expect(tablePrefix('a-b-c')).toBe('a_b_c_');
  });
});

describe('foreignObject', () => {
  const own = tablePrefix('after-sales');

  test('accepts a migration that only creates and fills its own tables', () => {
    const sql = `
      -- Tickets and their lines.
      CREATE TABLE after_sales_tickets (id INTEGER PRIMARY KEY, note TEXT);
      CREATE TABLE IF NOT EXISTS after_sales_lines (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL);
      CREATE UNIQUE INDEX after_sales_lines_ticket ON after_sales_lines (ticket_id);
      CREATE INDEX IF NOT EXISTS after_sales_tickets_note ON after_sales_tickets (note);
      INSERT INTO after_sales_tickets (id, note) VALUES (1, 'x');
      INSERT OR IGNORE INTO after_sales_tickets (id, note) VALUES (2, 'y');
      ALTER TABLE after_sales_tickets ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
      UPDATE after_sales_tickets SET closed = 1 WHERE id = 2;
      DELETE FROM after_sales_lines WHERE ticket_id = 99;
      DROP INDEX IF EXISTS after_sales_tickets_note;
      CREATE VIEW after_sales_open AS SELECT id FROM after_sales_tickets WHERE closed = 0;
    `;
    expect(foreignObject(sql, own)).toBeUndefined();
  });

  test.each([
    ['CREATE TABLE', 'CREATE TABLE orders (id INTEGER PRIMARY KEY);', 'orders'],
    ['CREATE TEMP TABLE', 'CREATE TEMP TABLE scratch (id INTEGER);', 'scratch'],
    ['CREATE TABLE IF NOT EXISTS', 'CREATE TABLE IF NOT EXISTS listings_products (id INTEGER);', 'listings_products'],
    ['lower-case keywords', 'create table orders (id integer);', 'orders'],
    ['CREATE INDEX … ON another table', 'CREATE INDEX after_sales_by_user ON core_users (username);', 'core_users'],
    ['CREATE INDEX with a foreign name', 'CREATE INDEX idx_x ON after_sales_tickets (id);', 'idx_x'],
    ['INSERT INTO', "INSERT INTO core_roles (id, name, permissions) VALUES ('hacker', '{}', '[\"*\"]');", 'core_roles'],
    ['INSERT OR REPLACE INTO', 'INSERT OR REPLACE INTO core_settings (plugin, value) VALUES (1, 2);', 'core_settings'],
    ['ALTER TABLE', 'ALTER TABLE core_users ADD COLUMN evil TEXT;', 'core_users'],
    ['UPDATE', "UPDATE core_users SET password_hash = '' ;", 'core_users'],
    ['DELETE FROM', 'DELETE FROM core_audit;', 'core_audit'],
    ['DROP TABLE', 'DROP TABLE IF EXISTS listings_products;', 'listings_products'],
    ['CREATE TRIGGER', 'CREATE TRIGGER sneaky AFTER INSERT ON after_sales_tickets BEGIN SELECT 1; END;', 'sneaky'],
    ['a trigger on another table', 'CREATE TRIGGER after_sales_t AFTER INSERT ON core_users BEGIN SELECT 1; END;', 'core_users'],
  ])('finds a foreign object: %s', (_, sql, name) => {
    expect(foreignObject(sql, own)).toBe(name);
  });

  test.each([
    ['double quotes', 'CREATE TABLE "orders" (id INTEGER);'],
    ['backticks', 'CREATE TABLE `orders` (id INTEGER);'],
    ['square brackets', 'CREATE TABLE [orders] (id INTEGER);'],
    ['single quotes, which SQLite also accepts for names', "CREATE TABLE 'orders' (id INTEGER);"],
  ])('sees through quoted names: %s', (_, sql) => {
    expect(foreignObject(sql, own)).toBe('orders');
    expect(foreignObject(sql.replace('orders', 'after_sales_orders'), own)).toBeUndefined();
  });

  test('reports the first foreign object of a later statement, after good ones', () => {
    const sql = 'CREATE TABLE after_sales_a (id INTEGER);\nCREATE TABLE after_sales_b (id INTEGER);\nINSERT INTO orders VALUES (1);';
    expect(foreignObject(sql, own)).toBe('orders');
  });

  test('a dashed id needs the underscore form: the dashed or bare id is not the prefix', () => {
    expect(foreignObject('CREATE TABLE aftersales_tickets (id INTEGER);', own)).toBe('aftersales_tickets');
    expect(foreignObject('CREATE TABLE after_tickets (id INTEGER);', own)).toBe('after_tickets');
    expect(foreignObject('CREATE TABLE after_sales (id INTEGER);', own)).toBe('after_sales');
    expect(foreignObject('CREATE TABLE "after-sales_tickets" (id INTEGER);', own)).toBeDefined();
  });

  test('the prefix check ignores letter case, as SQLite does for names', () => {
    expect(foreignObject('CREATE TABLE After_Sales_Tickets (id INTEGER);', own)).toBeUndefined();
  });

  test('comments do not count', () => {
    expect(foreignObject('-- CREATE TABLE orders\n/* INSERT INTO core_users */\nCREATE TABLE after_sales_x (id INTEGER);', own)).toBeUndefined();
  });

  // Ordinary SQL that names no foreign object must not make a plugin fail to start.
  test('foreign keys with ON DELETE / ON UPDATE actions are not mistaken for tables', () => {
    const sql = `CREATE TABLE after_sales_lines (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES after_sales_tickets (id) ON DELETE CASCADE ON UPDATE RESTRICT
    );`;
    expect(foreignObject(sql, own)).toBeUndefined();
  });

  test('text inside string literals is not read as SQL', () => {
    const sql = "INSERT INTO after_sales_reasons (text) VALUES ('update on arrival'), ('delete from the list'), ('insert into the box');";
    expect(foreignObject(sql, own)).toBeUndefined();
  });

  test('an upsert into its own table is fine', () => {
    const sql = "INSERT INTO after_sales_counters (id, n) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = n + 1;";
    expect(foreignObject(sql, own)).toBeUndefined();
  });

  test('keyword exceptions do not let foreign tables through', () => {
    expect(foreignObject('INSERT INTO core_counters (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = 1;', own)).toBe('core_counters');
    expect(foreignObject('CREATE TRIGGER after_sales_t AFTER UPDATE OF username ON core_users BEGIN SELECT 1; END;', own)).toBe('core_users');
    expect(foreignObject("CREATE TRIGGER after_sales_t AFTER DELETE ON after_sales_x BEGIN UPDATE core_users SET x = 'on delete'; END;", own)).toBe('core_users');
  });

  test('a trigger on its own table that updates its own table is fine', () => {
    const sql = `CREATE TRIGGER after_sales_touch AFTER UPDATE ON after_sales_tickets
      BEGIN UPDATE after_sales_tickets SET note = note WHERE id = NEW.id; END;`;
    expect(foreignObject(sql, own)).toBeUndefined();
  });
});

describe('prefixes of other plugins', () => {
  test('a table inside the longer prefix of another installed plugin is not ours', () => {
    const sql = 'INSERT INTO example_consumer_log (note_id, text) VALUES (1, 2);';
    expect(foreignObject(sql, tablePrefix('example'), [tablePrefix('example-consumer')])).toBe('example_consumer_log');
    expect(foreignObject(sql, tablePrefix('example'))).toBeUndefined();
  });

  test('the longer prefix still owns its own tables, and unrelated prefixes do not matter', () => {
    const sql = 'CREATE TABLE example_consumer_log (id INTEGER PRIMARY KEY);';
    expect(foreignObject(sql, tablePrefix('example-consumer'), [tablePrefix('example'), tablePrefix('listings')])).toBeUndefined();
  });
});
